-- ModScope store, schema version 3: reference data with history, loaded from files like events.
-- Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.
-- Each reference row is valid from valid_from until the next row of its key (a key's first row also covers earlier
-- times); the rows a store already holds (seeded from the shipped reference data) get file_id 0 and line 0 and are
-- valid from 1970-01-01. Each table is rebuilt (DuckDB refuses several ALTERs of a filled table in one transaction).

CREATE TABLE markets_v2 AS SELECT * FROM markets;
DROP TABLE markets;
CREATE TABLE markets (code VARCHAR NOT NULL, name_en VARCHAR, name_zh VARCHAR, region VARCHAR NOT NULL, language VARCHAR, time_zone VARCHAR NOT NULL, valid_from DATE NOT NULL, file_id BIGINT NOT NULL, line BIGINT NOT NULL);
INSERT INTO markets SELECT code, name_en, name_zh, region, language, time_zone, DATE '1970-01-01', 0, 0 FROM markets_v2;
DROP TABLE markets_v2;

CREATE TABLE policies_v2 AS SELECT * FROM policies;
DROP TABLE policies;
CREATE TABLE policies (policy_id VARCHAR NOT NULL, parent_id VARCHAR, name_en VARCHAR, name_zh VARCHAR, severity VARCHAR, valid_from DATE NOT NULL, file_id BIGINT NOT NULL, line BIGINT NOT NULL);
INSERT INTO policies SELECT policy_id, parent_id, name_en, name_zh, severity, DATE '1970-01-01', 0, 0 FROM policies_v2;
DROP TABLE policies_v2;

CREATE TABLE queues_v2 AS SELECT * FROM queues;
DROP TABLE queues;
CREATE TABLE queues (queue_id VARCHAR NOT NULL, market VARCHAR NOT NULL, object_type VARCHAR NOT NULL, sla_hours DOUBLE NOT NULL, name_en VARCHAR, name_zh VARCHAR, valid_from DATE NOT NULL, file_id BIGINT NOT NULL, line BIGINT NOT NULL);
INSERT INTO queues SELECT queue_id, market, object_type, sla_hours, name_en, name_zh, DATE '1970-01-01', 0, 0 FROM queues_v2;
DROP TABLE queues_v2;

CREATE TABLE sites_v2 AS SELECT * FROM sites;
DROP TABLE sites;
CREATE TABLE sites (site_id VARCHAR NOT NULL, name VARCHAR, vendor VARCHAR, city VARCHAR, country VARCHAR, time_zone VARCHAR, cost_currency VARCHAR NOT NULL, valid_from DATE NOT NULL, file_id BIGINT NOT NULL, line BIGINT NOT NULL);
INSERT INTO sites SELECT site_id, name, vendor, city, country, time_zone, cost_currency, DATE '1970-01-01', 0, 0 FROM sites_v2;
DROP TABLE sites_v2;
