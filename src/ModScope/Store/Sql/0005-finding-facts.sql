-- ModScope store, schema version 5: an alert's finding as structure (a text template and its named facts as JSON), so
-- each reader renders it in its own language; the English message stays, and alerts stored before keep only it.
-- Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.

ALTER TABLE alerts ADD COLUMN facts VARCHAR;
