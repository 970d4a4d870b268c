using ModScope.Model;

namespace ModScope.ClickHouse;

/// <summary>
/// Reference columns added to the model after a database was set up (<c>sites.name_zh</c>, issue 17): the setup's
/// <c>CREATE TABLE IF NOT EXISTS</c> leaves an existing table as it was, and 18.16 has no <c>ADD COLUMN IF NOT EXISTS</c>,
/// so each node's tables are compared with the model (<c>system.columns</c>) and a missing column is added after the one
/// before it in the model (Nullable, as every optional reference column), on the local and the Distributed table and,
/// for a table whose rows may wait, their <c>pending_*</c> tables. Run by <see cref="ClickHouseSetup"/> and by a load
/// that ships reference tables (before it ships them: they are written in the model's column order). Rows stored
/// before read NULL in the new column (a site without a Chinese name).
/// </summary>
internal static class ReferenceColumns
{
    /// <summary>Adds the model's reference columns a node's tables lack; the number of columns added.</summary>
    public static async Task<int> EnsureAsync(ClickHouseEngine node, CancellationToken cancellationToken)
    {
        var database = node.Options.Database;
        var stored = (await node.QueryAsync($"SELECT table, name FROM system.columns WHERE database = {ClickHouseLiterals.Quote(database)}",
                new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false))
            .GroupBy(r => (string)r[0]!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => (string)r[1]!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var added = 0;
        foreach (var table in ReferenceSchema.Loadable)
        {
            var names = table.WaitsForReferences ? new[] { table.Name, $"pending_{table.Name}" } : [table.Name];
            // The local table first: a Distributed table reads the columns its local tables have.
            foreach (var target in names.SelectMany(n => new[] { $"{n}_local", n }))
            {
                if (!stored.TryGetValue(target, out var columns))
                {
                    continue; // not set up on this node (the setup makes it with every column)
                }
                for (var i = 1; i < table.Columns.Count; i++)
                {
                    var column = table.Columns[i];
                    if (columns.Contains(column.Name))
                    {
                        continue;
                    }
                    var type = table.Key.Contains(column.Name) ? ClickHouseSchema.TypeOf(column with { Required = true }) : ClickHouseSchema.TypeOf(column);
                    await node.ExecuteAsync($"ALTER TABLE {database}.{target} ADD COLUMN {column.Name} {type} AFTER {table.Columns[i - 1].Name}",
                        cancellationToken).ConfigureAwait(false);
                    columns.Add(column.Name);
                    added++;
                }
            }
        }
        return added;
    }

    /// <summary>On every node of <paramref name="nodes"/> (each as the engine's database and cluster).</summary>
    public static async Task EnsureAsync(ClickHouseOptions options, IEnumerable<Uri> nodes, CancellationToken cancellationToken)
    {
        foreach (var url in nodes)
        {
            using var node = new ClickHouseEngine(options with { Url = url });
            await EnsureAsync(node, cancellationToken).ConfigureAwait(false);
        }
    }
}
