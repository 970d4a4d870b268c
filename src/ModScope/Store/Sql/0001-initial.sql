-- ModScope store, schema version 1: event tables, load bookkeeping, quarantine, reference data.
-- Released and frozen: never edit this file (a released store was created by exactly these statements); change the
-- schema with a new migration in Migrations.cs. Written out on 2026-12-06 from the statements version 1 then generated.

CREATE TABLE decisions (
    "decision_id" VARCHAR,
    "object_type" VARCHAR,
    "object_id" VARCHAR,
    "market" VARCHAR,
    "queue" VARCHAR,
    "policy_id" VARCHAR,
    "detection_source" VARCHAR,
    "decided_by" VARCHAR,
    "moderator_id" VARCHAR,
    "site" VARCHAR,
    "verdict" VARCHAR,
    "language" VARCHAR,
    "created_at" TIMESTAMP,
    "decided_at" TIMESTAMP,
    "handling_seconds" DOUBLE,
    "version" BIGINT,
    file_id BIGINT NOT NULL,
    line BIGINT NOT NULL);

CREATE TABLE qa_audits (
    "audit_id" VARCHAR,
    "decision_id" VARCHAR,
    "auditor_id" VARCHAR,
    "audited_at" TIMESTAMP,
    "stratum" VARCHAR,
    "stratum_population" BIGINT,
    "stratum_sample_size" BIGINT,
    "qa_verdict" VARCHAR,
    "qa_policy_id" VARCHAR,
    "error_type" VARCHAR,
    file_id BIGINT NOT NULL,
    line BIGINT NOT NULL);

CREATE TABLE appeals (
    "appeal_id" VARCHAR,
    "decision_id" VARCHAR,
    "filed_at" TIMESTAMP,
    "resolved_at" TIMESTAMP,
    "outcome" VARCHAR,
    file_id BIGINT NOT NULL,
    line BIGINT NOT NULL);

CREATE TABLE staffing (
    "date" DATE,
    "site" VARCHAR,
    "market" VARCHAR,
    "moderator_id" VARCHAR,
    "scheduled_hours" DOUBLE,
    "productive_hours" DOUBLE,
    "hourly_cost" DOUBLE,
    file_id BIGINT NOT NULL,
    line BIGINT NOT NULL);

CREATE TABLE pending_qa_audits (
    "audit_id" VARCHAR,
    "decision_id" VARCHAR,
    "auditor_id" VARCHAR,
    "audited_at" TIMESTAMP,
    "stratum" VARCHAR,
    "stratum_population" BIGINT,
    "stratum_sample_size" BIGINT,
    "qa_verdict" VARCHAR,
    "qa_policy_id" VARCHAR,
    "error_type" VARCHAR,
    file_id BIGINT NOT NULL,
    line BIGINT NOT NULL);

CREATE TABLE pending_appeals (
    "appeal_id" VARCHAR,
    "decision_id" VARCHAR,
    "filed_at" TIMESTAMP,
    "resolved_at" TIMESTAMP,
    "outcome" VARCHAR,
    file_id BIGINT NOT NULL,
    line BIGINT NOT NULL);

CREATE TABLE loads (
    load_id BIGINT NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP,
    files INTEGER NOT NULL, rows_loaded BIGINT NOT NULL, rows_quarantined BIGINT NOT NULL,
    rows_pending BIGINT NOT NULL, rows_released BIGINT NOT NULL, options VARCHAR);

CREATE TABLE files (
    file_id BIGINT NOT NULL, load_id BIGINT NOT NULL, path VARCHAR NOT NULL, name VARCHAR NOT NULL,
    table_name VARCHAR NOT NULL, format VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, bytes BIGINT NOT NULL,
    rows_read BIGINT NOT NULL, rows_loaded BIGINT NOT NULL, rows_replaced BIGINT NOT NULL,
    rows_quarantined BIGINT NOT NULL, rows_pending BIGINT NOT NULL, loaded_at TIMESTAMP NOT NULL);

CREATE TABLE quarantine (
    file_id BIGINT NOT NULL, table_name VARCHAR NOT NULL, line BIGINT, field VARCHAR,
    rule VARCHAR NOT NULL, message VARCHAR NOT NULL, raw_row VARCHAR,
    status VARCHAR NOT NULL, quarantined_at TIMESTAMP NOT NULL, released_at TIMESTAMP);

CREATE TABLE markets (code VARCHAR NOT NULL, name_en VARCHAR, name_zh VARCHAR, region VARCHAR NOT NULL, language VARCHAR, time_zone VARCHAR NOT NULL);

CREATE TABLE policies (policy_id VARCHAR NOT NULL, parent_id VARCHAR, name_en VARCHAR, name_zh VARCHAR, severity VARCHAR);

CREATE TABLE queues (queue_id VARCHAR NOT NULL, market VARCHAR NOT NULL, object_type VARCHAR NOT NULL, sla_hours DOUBLE NOT NULL, name_en VARCHAR, name_zh VARCHAR);

CREATE TABLE sites (site_id VARCHAR NOT NULL, name VARCHAR, vendor VARCHAR, city VARCHAR, country VARCHAR, time_zone VARCHAR, cost_currency VARCHAR NOT NULL);
