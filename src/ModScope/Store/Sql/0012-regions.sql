-- ModScope store, schema version 12: regions with their display names (regions*.csv), loaded with history like markets.
-- Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.
-- A market's region code names a row here; a code with no row is shown as it is. The migration seeds the shipped
-- regions (file_id 0, line 0, valid from 1970-01-01), as migration 1 seeded the markets.

CREATE TABLE regions (code VARCHAR NOT NULL, name_en VARCHAR, name_zh VARCHAR, valid_from DATE NOT NULL, file_id BIGINT NOT NULL, line BIGINT NOT NULL);
