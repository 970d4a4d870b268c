using DuckDB.NET.Data;
using ModScope.Model;

namespace ModScope.Store;

/// <summary>
/// Every schema change of the store, in order. A store records the versions applied in
/// <c>schema_migrations</c>; opening a store applies the missing ones. Never edit a released
/// migration: add a new one.
/// </summary>
public static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "event tables, load bookkeeping, quarantine, reference data", CreateInitialSchema),
        new(2, "monitor runs, alerts with lifecycle and feedback, series rebaselines", CreateMonitorTables),
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => All[^1].Version;

    private static void CreateInitialSchema(DuckDBConnection connection)
    {
        foreach (var table in EventSchema.All)
        {
            Exec(connection, $"CREATE TABLE {table.Name} ({DuckDbTypes.ColumnDefinitions(table)})");
        }
        foreach (var table in EventSchema.All.Where(t => t.ParentReference is not null))
        {
            // Rows whose parent decision has not arrived yet; released into the table when it does.
            Exec(connection, $"CREATE TABLE pending_{table.Name} ({DuckDbTypes.ColumnDefinitions(table)})");
        }
        Exec(connection, """
            CREATE TABLE loads (
                load_id BIGINT NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP,
                files INTEGER NOT NULL, rows_loaded BIGINT NOT NULL, rows_quarantined BIGINT NOT NULL,
                rows_pending BIGINT NOT NULL, rows_released BIGINT NOT NULL, options VARCHAR)
            """);
        Exec(connection, """
            CREATE TABLE files (
                file_id BIGINT NOT NULL, load_id BIGINT NOT NULL, path VARCHAR NOT NULL, name VARCHAR NOT NULL,
                table_name VARCHAR NOT NULL, format VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, bytes BIGINT NOT NULL,
                rows_read BIGINT NOT NULL, rows_loaded BIGINT NOT NULL, rows_replaced BIGINT NOT NULL,
                rows_quarantined BIGINT NOT NULL, rows_pending BIGINT NOT NULL, loaded_at TIMESTAMP NOT NULL)
            """);
        Exec(connection, """
            CREATE TABLE quarantine (
                file_id BIGINT NOT NULL, table_name VARCHAR NOT NULL, line BIGINT, field VARCHAR,
                rule VARCHAR NOT NULL, message VARCHAR NOT NULL, raw_row VARCHAR,
                status VARCHAR NOT NULL, quarantined_at TIMESTAMP NOT NULL, released_at TIMESTAMP)
            """);
        ReferenceTables.Create(connection);
    }

    private static void CreateMonitorTables(DuckDBConnection connection)
    {
        Exec(connection, """
            CREATE TABLE monitor_runs (
                run_id BIGINT NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP, as_of DATE NOT NULL,
                watermark DATE, series_scanned INTEGER NOT NULL, alerts_opened INTEGER NOT NULL,
                alerts_updated INTEGER NOT NULL, status VARCHAR NOT NULL, error VARCHAR)
            """);
        Exec(connection, """
            CREATE TABLE alerts (
                alert_id BIGINT NOT NULL, kind VARCHAR NOT NULL, subject VARCHAR NOT NULL, segment VARCHAR NOT NULL,
                first_day DATE NOT NULL, last_day DATE NOT NULL, status VARCHAR NOT NULL, snoozed_until DATE,
                severity VARCHAR NOT NULL, direction INTEGER NOT NULL, score DOUBLE NOT NULL, value DOUBLE,
                expected DOUBLE, lower_bound DOUBLE, upper_bound DOUBLE, impact DOUBLE, relative_impact DOUBLE,
                detector VARCHAR NOT NULL, message VARCHAR NOT NULL, baseline VARCHAR, event VARCHAR,
                explanation VARCHAR, label VARCHAR, labelled_at TIMESTAMP, restated BOOLEAN NOT NULL,
                suppressed_by BIGINT, opened_run BIGINT NOT NULL, updated_run BIGINT NOT NULL,
                created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)
            """);
        Exec(connection, """
            CREATE TABLE series_rebaselines (
                subject VARCHAR NOT NULL, segment VARCHAR NOT NULL, from_day DATE NOT NULL, alert_id BIGINT,
                created_at TIMESTAMP NOT NULL)
            """);
    }

    internal static void Exec(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
