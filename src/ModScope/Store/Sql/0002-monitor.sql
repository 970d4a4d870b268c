-- ModScope store, schema version 2: monitor runs, alerts with lifecycle and feedback, series rebaselines.
-- Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.

CREATE TABLE monitor_runs (
    run_id BIGINT NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP, as_of DATE NOT NULL,
    watermark DATE, series_scanned INTEGER NOT NULL, alerts_opened INTEGER NOT NULL,
    alerts_updated INTEGER NOT NULL, status VARCHAR NOT NULL, error VARCHAR);

CREATE TABLE alerts (
    alert_id BIGINT NOT NULL, kind VARCHAR NOT NULL, subject VARCHAR NOT NULL, segment VARCHAR NOT NULL,
    first_day DATE NOT NULL, last_day DATE NOT NULL, status VARCHAR NOT NULL, snoozed_until DATE,
    severity VARCHAR NOT NULL, direction INTEGER NOT NULL, score DOUBLE NOT NULL, value DOUBLE,
    expected DOUBLE, lower_bound DOUBLE, upper_bound DOUBLE, impact DOUBLE, relative_impact DOUBLE,
    detector VARCHAR NOT NULL, message VARCHAR NOT NULL, baseline VARCHAR, event VARCHAR,
    explanation VARCHAR, label VARCHAR, labelled_at TIMESTAMP, restated BOOLEAN NOT NULL,
    suppressed_by BIGINT, opened_run BIGINT NOT NULL, updated_run BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL);

CREATE TABLE series_rebaselines (
    subject VARCHAR NOT NULL, segment VARCHAR NOT NULL, from_day DATE NOT NULL, alert_id BIGINT,
    created_at TIMESTAMP NOT NULL);
