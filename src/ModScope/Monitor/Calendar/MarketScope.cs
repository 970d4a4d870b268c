using ModScope.Model;

namespace ModScope.Monitor.Calendar;

/// <summary>The market codes and regions an event may name, from a store's reference data (any row of a market's history).</summary>
internal sealed class MarketScope
{
    private readonly Dictionary<string, string> _regionOf;
    private readonly Dictionary<string, HashSet<string>> _marketsIn;

    public MarketScope(IEnumerable<Market> markets)
    {
        var list = markets.ToList();
        // A market moved to another region stands in both; its latest region is its own.
        _regionOf = list.OrderBy(m => m.ValidFrom).GroupBy(m => m.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Region, StringComparer.Ordinal);
        _marketsIn = list.GroupBy(m => m.Region, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Code).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => _regionOf.Keys.Concat(_marketsIn.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public bool IsMarket(string code) => _regionOf.ContainsKey(code);

    public bool IsKnown(string name) => _regionOf.ContainsKey(name) || _marketsIn.ContainsKey(name);

    /// <summary>The market codes a list of codes and regions stands for; unknown names stand for nothing.</summary>
    public IReadOnlySet<string> Resolve(IEnumerable<string> names)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (_regionOf.ContainsKey(name))
            {
                codes.Add(name);
            }
            if (_marketsIn.TryGetValue(name, out var inRegion))
            {
                codes.UnionWith(inRegion);
            }
        }
        return codes;
    }
}
