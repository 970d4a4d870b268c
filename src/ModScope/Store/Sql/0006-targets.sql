-- ModScope store, schema version 6: targets per segment, loaded from targets*.csv like the other reference data.
-- Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.
-- A segment column left empty in the file matches any value and is stored as '' (so the key compares with =); a row
-- is valid from valid_from until the next row of the same metric and segment.

CREATE TABLE targets (metric VARCHAR NOT NULL, market VARCHAR NOT NULL, region VARCHAR NOT NULL, site VARCHAR NOT NULL, queue VARCHAR NOT NULL, policy VARCHAR NOT NULL, value DOUBLE NOT NULL, valid_from DATE NOT NULL, file_id BIGINT NOT NULL, line BIGINT NOT NULL);
