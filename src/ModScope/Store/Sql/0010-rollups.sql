-- ModScope store, schema version 10: the bookkeeping of the catalogue's rollup (its tables rollup_NAME_N are written
-- by Query.Rollups from the catalogue, so their columns follow it): the hash of the layout they were built for, their
-- days' time zone, and the last load they include. A rollup whose hash or load differs is not read.
-- Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.

CREATE TABLE rollups (
    name VARCHAR NOT NULL, layout_hash VARCHAR NOT NULL, time_zone VARCHAR NOT NULL, load_id BIGINT NOT NULL,
    built_at TIMESTAMP NOT NULL);
