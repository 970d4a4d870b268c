using System.Globalization;
using ModScope.Model;

namespace ModScope.ClickHouse;

/// <summary>
/// The cluster's own reference data (markets, policies, queues, sites with their history, targets, exchange rates): read
/// whole (small tables) for the engine's <see cref="ReferenceData"/> and the dialect's lookups. The loader writes each
/// load's tables whole as a new generation (<see cref="ClickHouseSchema.RankColumn"/>) and commits it in
/// <c>reference_loads</c> after every other row of the load is in, so only the newest committed generation is read: a load
/// that fails leaves the previous tables in force. A cluster no load has seeded holds none.
/// </summary>
internal static class ClickHouseReference
{
    /// <summary>Every row in force of each reference table, in its schema's column order, ordered by key; and the generation read (0: none committed).</summary>
    public static async Task<(ulong Generation, IReadOnlyDictionary<string, IReadOnlyList<object?[]>> Tables)> ReadAsync(ClickHouseEngine engine,
        CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, IReadOnlyList<object?[]>>(StringComparer.Ordinal);
        var generation = await CommittedAsync(engine, cancellationToken).ConfigureAwait(false);
        // Tables written before generations were committed: the highest rank per key (FINAL) is in force.
        var inForce = generation == 0 ? " FINAL" : $" WHERE {ClickHouseSchema.RankColumn} = {generation.ToString(CultureInfo.InvariantCulture)}";
        var stored = await StoredColumnsAsync(engine, cancellationToken).ConfigureAwait(false);
        foreach (var table in ReferenceSchema.Loadable)
        {
            // A column the model gained after the database was set up (sites.name_zh) reads NULL until a load adds it (ReferenceColumns).
            var have = stored.GetValueOrDefault(table.Name);
            // 18.16's FINAL needs the version column read too ("Cannot find column __rank in source stream").
            var columns = string.Join(", ", table.Columns.Select(c => have is null || have.Contains(c.Name) ? c.Name : $"NULL AS {c.Name}")
                .Append(ClickHouseSchema.RankColumn));
            var rows = await engine.QueryAsync($"SELECT {columns} FROM {table.Name}{inForce} ORDER BY {string.Join(", ", table.Key)}",
                new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
            tables[table.Name] = rows.Select(r => r[..^1]).ToList();
        }
        return (generation, tables);
    }

    private static async Task<Dictionary<string, HashSet<string>>> StoredColumnsAsync(ClickHouseEngine engine, CancellationToken cancellationToken)
    {
        var rows = await engine.QueryAsync($"SELECT table, name FROM system.columns WHERE database = {ClickHouseLiterals.Quote(engine.Options.Database)}",
            new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => (string)r[0]!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => (string)r[1]!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The newest committed generation of the reference tables (0: none committed).</summary>
    public static async Task<ulong> CommittedAsync(ClickHouseEngine engine, CancellationToken cancellationToken)
    {
        var rows = await engine.QueryAsync("SELECT max(generation) FROM reference_loads", new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 || rows[0][0] is null ? 0 : Convert.ToUInt64(rows[0][0], CultureInfo.InvariantCulture);
    }

    /// <summary>The lookups the dialect writes (the four lookup tables and the exchange rates) and the generation they are of.</summary>
    public static ClickHouseLookups Lookups(ulong generation, IReadOnlyDictionary<string, IReadOnlyList<object?[]>> tables) =>
        new(ReferenceSchema.All.ToDictionary(t => t.Name, t => tables[t.Name]), tables[ReferenceSchema.FxRates.Name]) { Generation = generation };

    /// <summary>The rows as reference data (empty names and codes as "", as the DuckDB store reads them).</summary>
    public static ReferenceData Data(IReadOnlyDictionary<string, IReadOnlyList<object?[]>> tables) =>
        new(tables["markets"].Select(r => new Market(Text(r[0]), Text(r[1]), Text(r[2]), Text(r[3]), Text(r[4]), Text(r[5]), Day(r[6]))).ToList(),
            tables["policies"].Select(r => new Policy(Text(r[0]), r[1] as string, Text(r[2]), Text(r[3]), Text(r[4]), Day(r[5]))).ToList(),
            tables["queues"].Select(r => new Queue(Text(r[0]), Text(r[1]), Text(r[2]), Number(r[3]), Text(r[4]), Text(r[5]), Day(r[6]))).ToList(),
            tables["sites"].Select(r => new Site(Text(r[0]), Text(r[1]), Text(r[2]), Text(r[3]), Text(r[4]), Text(r[5]), Text(r[6]), Text(r[7]), Day(r[8]))).ToList())
        {
            RegionNames = tables[ReferenceSchema.Regions.Name].Select(r => new Region(Text(r[0]), Text(r[1]), Text(r[2]), Day(r[3]))).ToList(),
            Targets = tables[ReferenceSchema.Targets.Name].Select(r => new SegmentTarget(Text(r[0]), Text(r[1]), Text(r[2]), Text(r[3]), Text(r[4]), Text(r[5]),
                Number(r[6]), Day(r[7]))).ToList(),
        };

    private static string Text(object? value) => value as string ?? "";

    private static double Number(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static DateOnly Day(object? value) => value is DateTime t ? DateOnly.FromDateTime(t) : ReferenceSchema.Always;
}
