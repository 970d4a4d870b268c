using ModScope.Ingest;
using ModScope.Model;
using ModScope.Sources;

namespace ModScope.ClickHouse;

/// <summary>
/// Gives the cluster a column for each extra column a source mapping declares on an event table, on every node (18.16
/// has no ON CLUSTER): on the local and Distributed tables and their <c>pending_*</c> tables, Nullable as the value may be
/// absent. A column already stored with another type stops the load with both types named, as on DuckDB.
/// </summary>
internal static class ClickHouseExtraColumns
{
    /// <summary>The extra columns of each table of the mapping (none without one; the mapping allows them on event tables only).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ColumnSpec>> Of(SourceMapping? mapping) =>
        (mapping?.Tables.Values ?? []).Where(t => t.Extra.Count > 0).ToDictionary(t => t.Table,
            t => (IReadOnlyList<ColumnSpec>)t.Extra.Select(e => new ColumnSpec(e.Name, e.Kind, Required: false, Extra: true)).ToList(), StringComparer.Ordinal);

    public static async Task EnsureAsync(ClickHouseEngine engine, SourceMapping mapping, IReadOnlyDictionary<string, IReadOnlyList<ColumnSpec>> extra,
        CancellationToken cancellationToken)
    {
        if (extra.Count == 0)
        {
            return;
        }
        var options = engine.Options;
        var replicas = await engine.QueryAsync($"SELECT toInt64(count()) FROM system.clusters WHERE cluster = {ClickHouseLiterals.Quote(options.Cluster)}",
            new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
        if (Convert.ToInt64(replicas[0][0], System.Globalization.CultureInfo.InvariantCulture) > options.Nodes.Count)
        {
            throw new IngestException($"{mapping.File}: extra columns are added to the tables of every node of cluster '{options.Cluster}', " +
                $"but only {options.Nodes.Count} node URL is known; name every node's HTTP URL with --nodes URL1,URL2,...");
        }
        foreach (var node in options.Nodes)
        {
            using var admin = new ClickHouseEngine(options with { Url = node });
            foreach (var (table, columns) in extra)
            {
                var names = !EventSchema.Find(table)!.HasPendingTable ? new[] { table } : [table, $"pending_{table}"];
                foreach (var target in names.SelectMany(n => new[] { $"{n}_local", n }))
                {
                    await EnsureAsync(admin, mapping.File, table, target, columns, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task EnsureAsync(ClickHouseEngine node, string mappingFile, string table, string target, IReadOnlyList<ColumnSpec> columns,
        CancellationToken cancellationToken)
    {
        var database = node.Options.Database;
        var stored = (await node.QueryAsync($"SELECT name, type FROM system.columns WHERE database = {ClickHouseLiterals.Quote(database)} " +
                $"AND table = {ClickHouseLiterals.Quote(target)}", new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);
        foreach (var column in columns)
        {
            var wanted = ClickHouseSchema.TypeOf(column);
            if (!stored.TryGetValue(column.Name, out var type))
            {
                await node.ExecuteAsync($"ALTER TABLE {database}.{target} ADD COLUMN {column.Name} {wanted}", cancellationToken).ConfigureAwait(false);
            }
            else if (type != wanted)
            {
                throw new IngestException($"{mappingFile}: extra column {table}.{column.Name} is declared as {ExtraColumn.TypeName(column.Kind)} ({wanted}) " +
                    $"but ClickHouse at {node.Options.Url} already holds it as {type}; keep its type or give the new column another name.");
            }
        }
    }
}
