using DuckDB.NET.Data;

namespace ModScope.Store;

/// <summary>
/// Every schema change of the store, in order. A store records the versions applied in <c>schema_migrations</c>; opening
/// a store applies the missing ones. A released migration is frozen: its DDL is literal SQL in <c>Sql/NNNN-*.sql</c>
/// (embedded), never generated from the live <c>EventSchema</c>, so editing the model cannot rewrite what an old store
/// was created with. Never edit a released migration: add a new one (and its file).
/// </summary>
public static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "event tables, load bookkeeping, quarantine, reference data", connection =>
        {
            Run(connection, Script("0001-initial.sql"));
            ReferenceTables.Seed(connection);
        }),
        new(2, "monitor runs, alerts with lifecycle and feedback, series rebaselines", connection => Run(connection, Script("0002-monitor.sql"))),
        new(3, "reference data with history, loaded from files", connection => Run(connection, Script("0003-reference-history.sql"))),
        new(4, "how an alert was resolved, and its comment thread",
            connection => Run(connection, Script("0004-alert-lifecycle.sql"))),
        new(5, "an alert's finding as a template and facts, rendered per language",
            connection => Run(connection, Script("0005-finding-facts.sql"))),
        new(6, "targets per segment (metric, market, region, site, queue, policy) with history",
            connection => Run(connection, Script("0006-targets.sql"))),
        new(7, "exchange rates (date, currency, rate to the reporting currency)", connection => Run(connection, Script("0007-fx-rates.sql"))),
        new(8, "the audit log of views, exports and changes", connection => Run(connection, Script("0008-audit-log.sql"))),
        new(9, "the delivery outbox and what each delivery covered", connection => Run(connection, Script("0009-outbox.sql"))),
        new(10, "rollup bookkeeping: layout hash, time zone, last load included", connection => Run(connection, Script("0010-rollups.sql"))),
        new(11, "decisions and staffing rows waiting for a reference code that has not arrived",
            connection => Run(connection, Script("0011-pending-references.sql"))),
        new(12, "regions with their display names, with history", connection =>
        {
            Run(connection, Script("0012-regions.sql"));
            ReferenceTables.SeedRegions(connection);
        }),
        new(13, "policies, queues and targets waiting for a code that has not arrived",
            connection => Run(connection, Script("0013-pending-reference-rows.sql"))),
        new(14, "sites with a Chinese name (name_zh)", connection =>
        {
            Run(connection, Script("0014-site-names-zh.sql"));
            ReferenceTables.SeedSiteNamesZh(connection);
        }),
        new(15, "what the data check for duplicate keys last found, and the last load it included",
            connection => Run(connection, Script("0015-duplicate-checks.sql"))),
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => All[^1].Version;

    /// <summary>The frozen SQL of a migration (an embedded <c>Sql/</c> file).</summary>
    public static string Script(string name)
    {
        using var stream = typeof(Migrations).Assembly.GetManifestResourceStream($"store/{name}")
            ?? throw new InvalidOperationException($"The migration script store/{name} is not embedded in the library.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Runs each statement of a script (statements end with a semicolon; lines starting with -- are comments).</summary>
    public static void Run(DuckDBConnection connection, string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var text = string.Join('\n', script.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        foreach (var statement in text.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            Exec(connection, statement);
        }
    }

    internal static void Exec(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
