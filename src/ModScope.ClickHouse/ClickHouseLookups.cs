using ModScope.Model;

namespace ModScope.ClickHouse;

/// <summary>
/// The reference rows the ClickHouse dialect writes into its statements as literal arrays (18.16 has one JOIN per
/// SELECT and no correlated subquery): per lookup table its rows with history, in the table's column order
/// (<see cref="ReferenceTable.Schema"/>), and the exchange rates (<c>date, currency, rate</c>). The engine reads them
/// from the cluster (<see cref="ClickHouseReference"/>).
/// </summary>
public sealed record ClickHouseLookups(IReadOnlyDictionary<string, IReadOnlyList<object?[]>> Rows, IReadOnlyList<object?[]> Rates)
{
    /// <summary>
    /// The generation of the cluster's reference tables these rows are (<see cref="ClickHouseReference"/>): a statement reading a
    /// reference table reads this generation's rows only (0: tables without a committed generation, read with FINAL).
    /// </summary>
    public ulong Generation { get; init; }

    /// <summary>No rows at all: every reference column is NULL and no other currency converts.</summary>
    public static ClickHouseLookups Empty { get; } = new(new Dictionary<string, IReadOnlyList<object?[]>>(), []);

    /// <summary>The lookups of reference data held in memory (a test's, or what a store was seeded with), without exchange rates.</summary>
    public static ClickHouseLookups Of(ReferenceData data, IReadOnlyList<object?[]>? rates = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new(ReferenceSchema.All.ToDictionary(t => t.Name, t => (IReadOnlyList<object?[]>)t.Rows(data).ToList()), rates ?? []);
    }

    /// <summary>
    /// The lookups of a scoped request: of each table the rows (with their history) of the keys <paramref name="reachable"/>
    /// holds, and the rates of its sites' currencies. The scope's rows name no other key (a decision's queue is one of
    /// its market's queues), so the values looked up do not change.
    /// </summary>
    public ClickHouseLookups Reaching(ReferenceData reachable)
    {
        ArgumentNullException.ThrowIfNull(reachable);
        var rows = new Dictionary<string, IReadOnlyList<object?[]>>(StringComparer.Ordinal);
        foreach (var table in ReferenceSchema.All)
        {
            var key = table.IndexOf(table.Key);
            var keys = table.Rows(reachable).Select(r => r[key]).ToHashSet();
            rows[table.Name] = Of(table.Name).Where(r => keys.Contains(r[key])).ToList();
        }
        var currencies = reachable.Sites.Select(s => s.CostCurrency).ToHashSet(StringComparer.Ordinal);
        return new(rows, Rates.Where(r => r[1] is string currency && currencies.Contains(currency)).ToList()) { Generation = Generation };
    }

    /// <summary>The rows of one lookup table (none when the cluster holds none).</summary>
    public IReadOnlyList<object?[]> Of(string table) => Rows.TryGetValue(table, out var rows) ? rows : [];
}
