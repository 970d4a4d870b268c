-- ModScope store, schema version 4: how an alert was resolved (manual, auto, restated) and when; each alert's comment
-- thread (people's comments and the lifecycle's own notes).
-- Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.

ALTER TABLE alerts ADD COLUMN resolution VARCHAR;
ALTER TABLE alerts ADD COLUMN resolved_at TIMESTAMP;

CREATE TABLE alert_comments (
    comment_id BIGINT NOT NULL, alert_id BIGINT NOT NULL, author VARCHAR NOT NULL, body VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL);
