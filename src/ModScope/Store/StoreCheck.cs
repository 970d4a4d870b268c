using System.Globalization;
using DuckDB.NET.Data;
using ModScope.Model;

namespace ModScope.Store;

/// <summary>
/// <c>modscope check</c>: verifies a store without changing its data. It reads every value of every table, so DuckDB
/// checks every block's checksum; compares the schema version with this build's; looks for orphan rows (event rows
/// and quarantine entries of no recorded file, files of no load, audits and appeals stored without their decision);
/// and checks that each file's counts add up (rows read = loaded + quarantined). A sound store loses its damage mark.
/// Opens the file directly, without migrating it.
/// </summary>
public static class StoreCheck
{
    public static StoreCheckResult Run(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new StoreException($"Store '{path}' does not exist.");
        }
        var checkedItems = new List<string>();
        var problems = new List<string>();
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
                    checkedItems.Add($"table {table}: every block's checksum");
                }
                catch (DuckDBException ex)
                {
                    problems.Add($"table {table}: {FirstLine(ex.Message)}");
                }
            }
            CheckSchema(connection, tables, checkedItems, problems);
            if (tables.Contains("files"))
            {
                CheckOrphans(connection, checkedItems, problems);
            }
        }
        catch (DuckDBException ex)
        {
            problems.Add($"the file cannot be opened as a DuckDB database: {FirstLine(ex.Message)}");
        }
        if (problems.Count == 0)
        {
            DamageMark.Clear(path);
        }
        return new StoreCheckResult(checkedItems, problems);
    }

    private static void CheckSchema(DuckDBConnection connection, List<string> tables, List<string> checkedItems, List<string> problems)
    {
        if (!tables.Contains("schema_migrations"))
        {
            problems.Add("no schema_migrations table: not a ModScope store");
            return;
        }
        var version = Scalar(connection, "SELECT coalesce(max(version), 0) FROM schema_migrations");
        if (version > Migrations.Latest)
        {
            problems.Add($"schema version {version} is newer than this ModScope understands ({Migrations.Latest})");
        }
        else
        {
            checkedItems.Add(version == Migrations.Latest
                ? $"schema version {version}"
                : $"schema version {version} (opening the store migrates it to {Migrations.Latest})");
        }
    }

    private static void CheckOrphans(DuckDBConnection connection, List<string> checkedItems, List<string> problems)
    {
        var checks = new List<(string What, string Sql)>();
        foreach (var table in Tables.All)
        {
            if (Tables.IsReference(table) && Scalar(connection,
                    $"SELECT count(*) FROM information_schema.columns WHERE table_name = '{table.Name}' AND column_name = 'file_id'") == 0)
            {
                continue; // a store before version 3: its reference rows were not loaded from files
            }
            // Reference rows seeded from the shipped data carry file 0.
            var seeded = Tables.IsReference(table) ? "file_id <> 0 AND " : "";
            checks.Add(($"{table.Name} rows of no recorded file", $"SELECT count(*) FROM {table.Name} WHERE {seeded}file_id NOT IN (SELECT file_id FROM files)"));
            if (table.ParentReference is { } parent)
            {
                checks.Add(($"{table.Name} rows whose decision is not stored",
                    $"SELECT count(*) FROM {table.Name} WHERE {SqlText.Quote(parent)} NOT IN (SELECT decision_id FROM decisions)"));
            }
        }
        checks.Add(("quarantine entries of no recorded file", "SELECT count(*) FROM quarantine WHERE file_id NOT IN (SELECT file_id FROM files)"));
        checks.Add(("files of no recorded load", "SELECT count(*) FROM files WHERE load_id NOT IN (SELECT load_id FROM loads)"));
        checks.Add(("files whose rows read are not rows loaded + quarantined", "SELECT count(*) FROM files WHERE rows_read <> rows_loaded + rows_quarantined"));
        foreach (var (what, sql) in checks)
        {
            var count = Scalar(connection, sql);
            if (count == 0)
            {
                checkedItems.Add($"no {what}");
            }
            else
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{count:N0} {what}"));
            }
        }
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
