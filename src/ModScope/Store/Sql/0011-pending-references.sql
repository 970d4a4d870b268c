-- ModScope store, schema version 11: decisions and staffing rows that name a market, queue, policy or site not yet in
-- the reference data wait here (as audits and appeals wait for their decision) until the reference row arrives.
-- Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.

CREATE TABLE pending_decisions (
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

CREATE TABLE pending_staffing (
    "date" DATE,
    "site" VARCHAR,
    "market" VARCHAR,
    "moderator_id" VARCHAR,
    "scheduled_hours" DOUBLE,
    "productive_hours" DOUBLE,
    "hourly_cost" DOUBLE,
    file_id BIGINT NOT NULL,
    line BIGINT NOT NULL);
