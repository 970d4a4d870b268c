-- ModScope store, schema version 14: sites get a Chinese name (sites*.csv's optional name_zh), after the English one
-- (name), as markets, regions, policies and queues have name_en and name_zh. Rows stored before it have none (NULL: the
-- English name is shown); the migration then gives the rows seeded from the shipped reference data (file_id 0) their
-- shipped Chinese names. Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.
-- The table is rebuilt so the column sits after name (the model's order), as migration 3 rebuilt the reference tables.

CREATE TABLE sites_v13 AS SELECT * FROM sites;
DROP TABLE sites;
CREATE TABLE sites (site_id VARCHAR NOT NULL, name VARCHAR, name_zh VARCHAR, vendor VARCHAR, city VARCHAR, country VARCHAR, time_zone VARCHAR, cost_currency VARCHAR NOT NULL, valid_from DATE NOT NULL, file_id BIGINT NOT NULL, line BIGINT NOT NULL);
INSERT INTO sites SELECT site_id, name, NULL, vendor, city, country, time_zone, cost_currency, valid_from, file_id, line FROM sites_v13;
DROP TABLE sites_v13;
