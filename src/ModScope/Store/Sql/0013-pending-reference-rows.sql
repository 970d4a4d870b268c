-- ModScope store, schema version 13: reference rows that name a code not loaded yet (a queue's market, a policy's
-- parent, a target's market, site, queue or policy) wait here, as decisions wait for their codes, until it arrives.
-- Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.

CREATE TABLE pending_policies (policy_id VARCHAR, parent_id VARCHAR, name_en VARCHAR, name_zh VARCHAR, severity VARCHAR, valid_from DATE, file_id BIGINT NOT NULL, line BIGINT NOT NULL);

CREATE TABLE pending_queues (queue_id VARCHAR, market VARCHAR, object_type VARCHAR, sla_hours DOUBLE, name_en VARCHAR, name_zh VARCHAR, valid_from DATE, file_id BIGINT NOT NULL, line BIGINT NOT NULL);

CREATE TABLE pending_targets (metric VARCHAR, market VARCHAR, region VARCHAR, site VARCHAR, queue VARCHAR, policy VARCHAR, value DOUBLE, valid_from DATE, file_id BIGINT NOT NULL, line BIGINT NOT NULL);
