-- ModScope store, schema version 9: the delivery outbox. A job writes what to send (rendered, with its attachment)
-- under an idempotency key (subscription × period, or subscription × alert × state) and the marks of what it covers;
-- the sender delivers each row at least once, retrying with backoff, and records the outcome on it.
-- Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.

CREATE TABLE outbox (
    delivery_id BIGINT NOT NULL, idempotency_key VARCHAR NOT NULL, subscription VARCHAR NOT NULL, channel VARCHAR NOT NULL,
    recipients VARCHAR NOT NULL, subject VARCHAR NOT NULL, body VARCHAR NOT NULL, payload VARCHAR NOT NULL,
    attachment_name VARCHAR, attachment BLOB, status VARCHAR NOT NULL, attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL, last_error VARCHAR, created_at TIMESTAMP NOT NULL, sent_at TIMESTAMP);

CREATE TABLE delivery_marks (subscription VARCHAR NOT NULL, mark VARCHAR NOT NULL, delivery_id BIGINT NOT NULL);
