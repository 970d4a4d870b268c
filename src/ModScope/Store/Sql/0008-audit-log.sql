-- ModScope store, schema version 8: the audit log, append-only: who viewed, exported or changed what, when, with what
-- request and answer status. Only rows older than the retention are ever deleted.
-- Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.

CREATE TABLE audit_log (
    logged_at TIMESTAMP NOT NULL, user_name VARCHAR NOT NULL, role VARCHAR NOT NULL, action VARCHAR NOT NULL,
    method VARCHAR NOT NULL, request VARCHAR NOT NULL, status INTEGER NOT NULL);
