using ModScope.Query;

namespace ModScope.Monitor.Scan;

/// <summary>
/// Each segment's decisions by market, as shares of the segment: which calendar events touch it (see
/// <c>SegmentEvents</c>). The scanner asks it for every segment of a set of dimensions; the dashboard for one alert's.
/// </summary>
public static class MarketMix
{
    /// <summary>The catalogue's volume (<see cref="Catalog.CatalogRoles.Volume"/>) by <paramref name="dimensions"/> and market over the period, unfiltered.</summary>
    public static MetricRequest Request(Catalog.MetricCatalog catalog, IReadOnlyList<string> dimensions, Period period)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(dimensions);
        return new MetricRequest([catalog.Roles.Volume], dimensions.Contains("market") ? dimensions : [.. dimensions, "market"], TimeGrain.None, [], period);
    }

    /// <summary>The answer to <see cref="Request"/> as shares by market, keyed by segment (<see cref="SeriesKey.Format"/>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Shares(IEnumerable<MetricResult> rows, IReadOnlyList<string> dimensions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(dimensions);
        return rows.Where(r => r.Value > 0 && r.Dimensions.GetValueOrDefault("market") is not null)
            .GroupBy(r => SeriesKey.Format(dimensions.ToDictionary(d => d, d => r.Dimensions.GetValueOrDefault(d))))
            .ToDictionary(g => g.Key, g =>
            {
                var total = g.Sum(r => r.Value!.Value);
                return (IReadOnlyDictionary<string, double>)g.GroupBy(r => r.Dimensions["market"]!)
                    .ToDictionary(m => m.Key, m => m.Sum(r => r.Value!.Value) / total, StringComparer.Ordinal);
            }, StringComparer.Ordinal);
    }
}
