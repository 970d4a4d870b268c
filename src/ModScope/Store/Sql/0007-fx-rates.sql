-- ModScope store, schema version 7: exchange rates, loaded from fx_rates*.csv like the other reference data.
-- Released and frozen: never edit this file; change the schema with a new migration in Migrations.cs.
-- On date, one unit of currency is worth rate units of the reporting currency; a cost takes the rate of the latest date
-- on or before its day.

CREATE TABLE fx_rates (date DATE NOT NULL, currency VARCHAR NOT NULL, rate DOUBLE NOT NULL, file_id BIGINT NOT NULL, line BIGINT NOT NULL);
