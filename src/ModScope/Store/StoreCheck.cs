using System.Globalization;
using DuckDB.NET.Data;
using ModScope.Model;

namespace ModScope.Store;

/// <summary>
/// <c>modscope check</c>: verifies a store without changing its data. It reads every value of every table, so DuckDB
/// checks every block's checksum; compares the schema version with this build's; looks for orphan rows (event rows
/// and quarantine entries of no recorded file, files of no load, audits and appeals stored without their decision);
/// and checks that each file's counts add up (rows read = loaded + quarantined); it lists the rows still waiting for a
/// code or a decision (as information: they wait by design). A sound store loses its damage mark.
/// Opens the file directly, without migrating it. Each item is structure (<see cref="StoreCheckItem"/>): the words, in
/// the reader's language, come from <c>Monitor/Findings</c>.
/// </summary>
public static class StoreCheck
{
    private const int ExampleCount = 3;

    public static StoreCheckResult Run(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new StoreException($"Store '{path}' does not exist.");
        }
        var items = new List<StoreCheckItem>();
        try
        {
            using var connection = new DuckDBConnection($"Data Source={path}");
            connection.Open();
            var tables = Strings(connection, "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' ORDER BY 1");
            foreach (var table in tables)
            {
                try
                {
                    // One hash sum per column reads every value, so every block of the table passes DuckDB's checksum.
                    Scalar(connection, $"SELECT count(*) FROM (SELECT sum(hash(COLUMNS(*))) FROM {SqlText.Quote(table)})");
                    items.Add(new(StoreCheckKind.Checksum, true, table));
                }
                catch (DuckDBException ex)
                {
                    items.Add(new(StoreCheckKind.Checksum, false, table, Detail: FirstLine(ex.Message)));
                }
            }
            items.Add(Schema(connection, tables));
            if (tables.Contains("files"))
            {
                items.AddRange(Orphans(connection));
            }
        }
        catch (DuckDBException ex)
        {
            items.Add(new(StoreCheckKind.Unreadable, false, Detail: FirstLine(ex.Message)));
        }
        var result = new StoreCheckResult(items);
        if (result.Sound)
        {
            DamageMark.Clear(path);
        }
        return result;
    }

    private static StoreCheckItem Schema(DuckDBConnection connection, List<string> tables)
    {
        if (!tables.Contains("schema_migrations"))
        {
            return new(StoreCheckKind.NotAStore, false, "schema_migrations");
        }
        var version = Scalar(connection, "SELECT coalesce(max(version), 0) FROM schema_migrations");
        return new(StoreCheckKind.SchemaVersion, version <= Migrations.Latest, "schema_migrations", Count: version, Expected: Migrations.Latest);
    }

    private static IEnumerable<StoreCheckItem> Orphans(DuckDBConnection connection)
    {
        foreach (var table in Tables.All)
        {
            if (Tables.IsReference(table) && Scalar(connection,
                    "SELECT count(*) FROM information_schema.columns WHERE table_name = $1 AND column_name = 'file_id'", table.Name) == 0)
            {
                continue; // a store before version 3: its reference rows were not loaded from files
            }
            var key = $"concat_ws('/', {string.Join(", ", table.Key.Select(SqlText.Quote))})";
            // Reference rows seeded from the shipped data carry file 0.
            var seeded = Tables.IsReference(table) ? "file_id <> 0 AND " : "";
            yield return Find(connection, StoreCheckKind.RowsWithoutFile, table.Name, null, key,
                $"{seeded}file_id NOT IN (SELECT file_id FROM files)");
            if (table.ParentReference is { } parent)
            {
                yield return Find(connection, StoreCheckKind.RowsWithoutDecision, table.Name, parent, key,
                    $"{SqlText.Quote(parent)} NOT IN (SELECT decision_id FROM decisions)");
            }
        }
        yield return Find(connection, StoreCheckKind.RowsWithoutFile, "quarantine", null, "concat_ws(':', file_id, line)",
            "file_id NOT IN (SELECT file_id FROM files)");
        yield return Find(connection, StoreCheckKind.FilesWithoutLoad, "files", null, "name", "load_id NOT IN (SELECT load_id FROM loads)");
        yield return Find(connection, StoreCheckKind.FileCountsDisagree, "files", null, "name", "rows_read <> rows_loaded + rows_quarantined");
        foreach (var waiting in Waiting(connection))
        {
            yield return waiting;
        }
    }

    /// <summary>Per table, the rows waiting in quarantine (status pending) with up to three of them as file:line field; one item when none wait.</summary>
    private static List<StoreCheckItem> Waiting(DuckDBConnection connection)
    {
        var tables = Strings(connection, "SELECT DISTINCT table_name FROM quarantine WHERE status = 'pending' ORDER BY 1");
        return tables.Count == 0
            ? [new(StoreCheckKind.RowsWaiting, true)]
            : tables.Select(table => new StoreCheckItem(StoreCheckKind.RowsWaiting, true, table,
                Count: Scalar(connection, "SELECT count(*) FROM quarantine WHERE status = 'pending' AND table_name = $1", table),
                Examples: Strings(connection, $"""
                    SELECT f.name || ':' || q.line || ' ' || coalesce(q.field, '') FROM quarantine q JOIN files f USING (file_id)
                    WHERE q.status = 'pending' AND q.table_name = $1 ORDER BY f.name, q.line LIMIT {ExampleCount}
                    """, table))).ToList();
    }

    /// <summary>The rows of <paramref name="table"/> that match <paramref name="where"/> (our schema's SQL, no user input): a passed item when none do.</summary>
    private static StoreCheckItem Find(DuckDBConnection connection, StoreCheckKind kind, string table, string? column, string example, string where)
    {
        var count = Scalar(connection, $"SELECT count(*) FROM {SqlText.Quote(table)} WHERE {where}");
        return count == 0
            ? new(kind, true, table, column)
            : new(kind, false, table, column, count,
                Examples: Strings(connection, $"SELECT DISTINCT {example} FROM {SqlText.Quote(table)} WHERE {where} ORDER BY 1 LIMIT {ExampleCount}"));
    }

    private static long Scalar(DuckDBConnection connection, string sql, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in values)
        {
            command.Parameters.Add(new DuckDBParameter(value));
        }
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(DuckDBConnection connection, string sql, params object[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(value));
        }
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }
        return values;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
