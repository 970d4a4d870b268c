namespace ModScope.Query;

/// <summary>
/// The part of the data a caller may see: regions, markets, sites and vendors (an empty list does not limit). The query
/// door turns it into mandatory filters before planning (<see cref="ScopeFilters"/>): regions and markets limit the
/// market, sites and vendors limit the site; both kinds given limit both. <see cref="Everything"/> limits nothing.
/// </summary>
public sealed record AccessScope(
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Markets,
    IReadOnlyList<string> Sites,
    IReadOnlyList<string> Vendors)
{
    /// <summary>The keys of <see cref="Parse"/>'s text.</summary>
    public static readonly IReadOnlyList<string> Keys = ["region", "market", "site", "vendor"];

    /// <summary>No limit: the whole store.</summary>
    public static AccessScope Everything { get; } = new([], [], [], []);

    /// <summary>True when the scope limits anything.</summary>
    public bool IsLimited => Regions.Count + Markets.Count + Sites.Count + Vendors.Count > 0;

    /// <summary>True when the scope limits the market (by region or market).</summary>
    public bool LimitsMarkets => Regions.Count + Markets.Count > 0;

    /// <summary>True when the scope limits the site (by site or vendor).</summary>
    public bool LimitsSites => Sites.Count + Vendors.Count > 0;

    /// <summary>A stable text of the scope (<see cref="Parse"/> reads it back): its identity for caches and the audit log.</summary>
    public string Text => string.Join('&', new[] { ("region", Regions), ("market", Markets), ("site", Sites), ("vendor", Vendors) }
        .Where(p => p.Item2.Count > 0)
        .Select(p => p.Item1 + "=" + string.Join(',', p.Item2.Order(StringComparer.Ordinal))));

    /// <summary>
    /// Reads <c>region=SEA&amp;vendor=Alpha Services,Bravo Outsourcing</c>: items separated by <c>&amp;</c>, each a key
    /// (region, market, site, vendor) and values separated by commas. Empty text is <see cref="Everything"/>.
    /// </summary>
    public static AccessScope Parse(string? text)
    {
        var lists = Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var item in (text ?? "").Split('&', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !lists.TryGetValue(parts[0], out var list))
            {
                throw new FormatException($"Scope item '{item}' must be key=value[,value] with key region, market, site or vendor.");
            }
            var values = parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (values.Length == 0)
            {
                throw new FormatException($"Scope item '{item}' names no {parts[0]}.");
            }
            list.AddRange(values);
        }
        return new AccessScope(lists["region"], lists["market"], lists["site"], lists["vendor"]);
    }
}
