-- ModScope store, schema version 15: what the monitor's data check for duplicate keys last found, so the next run counts
-- only the keys of the rows loaded since (a key can only become duplicated by a load). Per event table: the last load
-- included (duplicate_checks), and one row of each duplicated key then found, by its file and line (duplicate_keys),
-- whose key is counted again each run.
-- Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.

CREATE TABLE duplicate_checks (table_name VARCHAR NOT NULL, load_id BIGINT NOT NULL, checked_at TIMESTAMP NOT NULL);

CREATE TABLE duplicate_keys (table_name VARCHAR NOT NULL, file_id BIGINT NOT NULL, line BIGINT NOT NULL);
