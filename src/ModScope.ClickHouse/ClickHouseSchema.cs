using ModScope.Model;

namespace ModScope.ClickHouse;

/// <summary>
/// The ModScope tables on one ClickHouse node: per event table a local ReplacingMergeTree (partitioned by
/// month, ordered for market/queue/time filters, the version column <c>__rank</c> keeping one row per key)
/// and a Distributed table over the cluster sharded by decision, so an audit or appeal sits on its decision's
/// shard; quarantine and file bookkeeping the same way; reference tables with their history the same way (the
/// engine reads them whole and writes lookups as literals, see <see cref="ClickHouseReference"/>). Run <see cref="Statements"/> on every node (18.16 has no ON CLUSTER without ZooKeeper).
/// </summary>
public static class ClickHouseSchema
{
    /// <summary>The ReplacingMergeTree version column: the highest wins (see <see cref="ClickHouseLoader"/>).</summary>
    public const string RankColumn = "__rank";

    /// <summary>The date or timestamp column an event table is partitioned by (one partition per month).</summary>
    public static string PartitionColumn(string table) => Layouts[table].Partition[9..^1];

    private static readonly Dictionary<string, (string Partition, string Order, string Shard)> Layouts = new(StringComparer.Ordinal)
    {
        ["decisions"] = ("toYYYYMM(created_at)", "market, queue, toDate(created_at), decision_id", "cityHash64(decision_id)"),
        ["qa_audits"] = ("toYYYYMM(audited_at)", "decision_id, audit_id", "cityHash64(decision_id)"),
        ["appeals"] = ("toYYYYMM(filed_at)", "decision_id, appeal_id", "cityHash64(decision_id)"),
        ["staffing"] = ("toYYYYMM(date)", "market, site, date, moderator_id", "cityHash64(site, moderator_id)"),
    };

    /// <summary>Quarantined rows, as in the DuckDB store (<c>status</c> pending or rejected).</summary>
    public const string QuarantineColumns =
        "file_id Int64, table_name String, line Nullable(Int64), field Nullable(String), rule String, message String, " +
        "raw_row Nullable(String), status String, quarantined_at DateTime, released_at Nullable(DateTime)";

    /// <summary>Loaded files: a file with a known SHA-256 is not loaded again.</summary>
    public const string FileColumns =
        "file_id Int64, path String, name String, table_name String, format String, sha256 String, bytes Int64, rows_read Int64, " +
        "rows_loaded Int64, rows_replaced Int64, rows_quarantined Int64, rows_pending Int64, loaded_at DateTime";

    /// <summary>A rollup's state after a load that kept it: the layout it was built for, its zone and the newest file it includes.</summary>
    public const string RollupColumns = "name String, layout_hash String, time_zone String, file_id Int64, built_at DateTime";

    /// <summary>Every statement, in order, to create the tables on one node (idempotent; nothing stored is dropped).</summary>
    public static IReadOnlyList<string> Statements(string database, string cluster)
    {
        var list = new List<string> { $"CREATE DATABASE IF NOT EXISTS {database}" };
        foreach (var table in EventSchema.All)
        {
            var (partition, order, shard) = Layouts[table.Name];
            list.Add($"CREATE TABLE IF NOT EXISTS {database}.{table.Name}_local ({ColumnDefinitions(table)})\n" +
                     $"ENGINE = ReplacingMergeTree({RankColumn}) PARTITION BY {partition} ORDER BY ({order})");
            list.Add(Distributed(database, cluster, table.Name, shard));
            if (table.HasPendingTable)
            {
                // Rows waiting for their decision or reference codes, released into the table by a later load that brings them. Every
                // waiting row is kept (two of one key wait side by side, as on DuckDB): file and line end the sorting key.
                list.Add($"CREATE TABLE IF NOT EXISTS {database}.pending_{table.Name}_local ({ColumnDefinitions(table)})\n" +
                         $"ENGINE = ReplacingMergeTree({RankColumn}) PARTITION BY {partition} ORDER BY ({order}, file_id, line)");
                list.Add(Distributed(database, cluster, $"pending_{table.Name}", shard));
            }
        }
        list.Add($"CREATE TABLE IF NOT EXISTS {database}.quarantine_local ({QuarantineColumns})\n" +
                 "ENGINE = MergeTree PARTITION BY toYYYYMM(quarantined_at) ORDER BY (table_name, file_id)");
        list.Add(Distributed(database, cluster, "quarantine", "cityHash64(file_id)"));
        list.Add($"CREATE TABLE IF NOT EXISTS {database}.files_local ({FileColumns})\nENGINE = ReplacingMergeTree ORDER BY (sha256)");
        list.Add(Distributed(database, cluster, "files", "cityHash64(sha256)"));
        list.AddRange(ReferenceStatements(database, cluster));
        // The rollup's bookkeeping (one row per maintained load; the newest wins): see ClickHouseRollups.
        list.Add($"CREATE TABLE IF NOT EXISTS {database}.rollups_local ({RollupColumns})\nENGINE = MergeTree ORDER BY (name, file_id)");
        list.Add(Distributed(database, cluster, "rollups", "cityHash64(name)"));
        return list;
    }

    /// <summary>The statements as a script: one statement per paragraph (what scripts/clickhouse-cluster.sh reads).</summary>
    public static string Script(string database, string cluster) =>
        "-- ModScope tables for ClickHouse 18.16+, run on every node (generated by ClickHouseSchema; do not edit by hand)\n\n" +
        string.Join("\n\n", Statements(database, cluster)) + "\n";

    /// <summary>ClickHouse type of an event column (optional columns are Nullable).</summary>
    public static string TypeOf(ColumnSpec column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var type = column.Kind switch
        {
            ColumnKind.Text => "String",
            ColumnKind.WholeNumber => "Int64",
            ColumnKind.Number => "Float64",
            ColumnKind.Timestamp => "DateTime",
            ColumnKind.Date => "Date",
            ColumnKind.Boolean => "UInt8", // 18.16 has no Bool
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "Unknown column kind."),
        };
        return column.Required ? type : $"Nullable({type})";
    }

    /// <summary>The column kind of a ClickHouse type <see cref="TypeOf"/> writes (an extra column read back from the cluster).</summary>
    public static ColumnKind KindOf(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var inner = type.StartsWith("Nullable(", StringComparison.Ordinal) ? type[9..^1] : type;
        return inner switch
        {
            "String" => ColumnKind.Text,
            "Int64" => ColumnKind.WholeNumber,
            "Float64" => ColumnKind.Number,
            "DateTime" => ColumnKind.Timestamp,
            "Date" => ColumnKind.Date,
            "UInt8" => ColumnKind.Boolean,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a type ModScope writes for a column."),
        };
    }

    private static string ColumnDefinitions(TableSchema table) =>
        string.Join(", ", table.Columns.Select(c => $"{c.Name} {TypeOf(c)}").Concat(["file_id Int64", "line Int64", $"{RankColumn} UInt64"]));

    private static string Distributed(string database, string cluster, string table, string shard) =>
        $"CREATE TABLE IF NOT EXISTS {database}.{table} AS {database}.{table}_local\n" +
        $"ENGINE = Distributed({cluster}, {database}, {table}_local, {shard})";

    /// <summary>
    /// Reference tables (markets, policies, queues, sites, targets, fx_rates) hold every row with its history, keyed as in
    /// the DuckDB store; the loader ships a table's whole content after each load that changes it as a new generation
    /// (<c>__rank</c>, part of the sorting key so generations never merge into each other), and <c>reference_loads</c>
    /// records each generation once the load's rows are all in: readers take the newest recorded one. The Distributed table is dropped and made again (it holds no data), so a
    /// node set up before it replaces the Join-engine tables of earlier versions.
    /// </summary>
    private static IEnumerable<string> ReferenceStatements(string database, string cluster)
    {
        foreach (var table in ReferenceSchema.Loadable)
        {
            var columns = string.Join(", ", table.Columns.Select(c => $"{c.Name} {(table.Key.Contains(c.Name) ? KeyType(c) : TypeOf(c))}")
                .Append($"{RankColumn} UInt64"));
            yield return $"CREATE TABLE IF NOT EXISTS {database}.{table.Name}_local ({columns})\n" +
                         $"ENGINE = ReplacingMergeTree({RankColumn}) ORDER BY ({string.Join(", ", table.Key)}, {RankColumn})";
            yield return $"DROP TABLE IF EXISTS {database}.{table.Name}";
            yield return Distributed(database, cluster, table.Name, $"cityHash64({table.Key[0]})");
            if (table.WaitsForReferences)
            {
                // Reference rows waiting for a code (a queue's market, a policy's parent, a target's segment), each kept by file and line.
                yield return $"CREATE TABLE IF NOT EXISTS {database}.pending_{table.Name}_local ({ColumnDefinitions(table)})\n" +
                             $"ENGINE = ReplacingMergeTree({RankColumn}) ORDER BY (file_id, line)";
                yield return Distributed(database, cluster, $"pending_{table.Name}", "cityHash64(file_id, line)");
            }
        }
        yield return $"CREATE TABLE IF NOT EXISTS {database}.reference_loads_local (generation UInt64, loaded_at DateTime)\nENGINE = MergeTree ORDER BY generation";
        yield return Distributed(database, cluster, "reference_loads", "generation");
    }

    // A key column is never NULL (a missing valid_from is 1970-01-01, a target's empty segment ""): ORDER BY needs it so.
    private static string KeyType(ColumnSpec column) => TypeOf(column with { Required = true });
}
