using ModScope.Catalog;
using ModScope.Model;

namespace ModScope.Query;

/// <summary>
/// The target a metric has for a segment on a day: the most specific target row that applies, of the store's targets
/// (targets*.csv) and the catalogue's (<c>targets:</c>, <see cref="MetricDefinition.CatalogTargets"/>), else the
/// catalogue's <c>target</c>. Precedence, in order:
/// <list type="number">
/// <item>A row applies when every segment column it names (queue, site, policy, market, region) equals the segment's
/// value for that dimension, and its <c>valid_from</c> is on or before the day (a target from next quarter does not
/// apply yet). The segment is what the request narrows to with one value (<c>market=ID</c>); a queue's market and a
/// market's region, as in force on the day, are implied (a target for region SEA applies to market ID's tile). A row
/// naming a dimension the segment leaves open does not apply (ID's target is not the whole organisation's).</item>
/// <item>Of the rows that apply, the one naming more columns wins; between rows naming as many, the one naming the
/// narrower column, in the order queue, site, policy, market, region; for the same metric and segment, a store row
/// before a catalogue row (the store's file overrides the catalogue's default whatever their dates), then the latest
/// <c>valid_from</c>.</item>
/// <item>No row applies: the catalogue's <c>target</c> (a row naming no column overrides it for the organisation).</item>
/// </list>
/// </summary>
public static class SegmentTargets
{
    /// <summary>The dimensions a filter narrows to one value, by dimension id.</summary>
    public static IReadOnlyDictionary<string, string> SegmentOf(IEnumerable<DimensionFilter> filters) =>
        filters.Where(f => f.Operator != FilterOperator.NotIn && f.Values.Count == 1)
            .GroupBy(f => f.Dimension, StringComparer.Ordinal)
            .Where(g => g.Select(f => f.Values[0]).Distinct(StringComparer.Ordinal).Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Values[0], StringComparer.Ordinal);

    /// <summary>The target of <paramref name="metric"/> for <paramref name="segment"/> on <paramref name="day"/>.</summary>
    public static double? For(MetricDefinition metric, IReadOnlyDictionary<string, string> segment, DateOnly day, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Targets.Count == 0 && metric.CatalogTargets.Count == 0)
        {
            return metric.Target;
        }
        var place = Implied(segment, day, reference);
        var best = reference.Targets.Where(t => t.Metric == metric.Id).Select(t => (Row: t, FromCatalogue: false))
            .Concat(metric.CatalogTargets.Select(t => (Row: t, FromCatalogue: true)))
            .Where(t => t.Row.ValidFrom <= day && SegmentTarget.SegmentColumns.All(c => t.Row.Of(c).Length == 0 || place.GetValueOrDefault(c) == t.Row.Of(c)))
            .OrderByDescending(t => SegmentTarget.SegmentColumns.Count(c => t.Row.Of(c).Length > 0))
            .ThenBy(t => Narrowness(t.Row))
            .ThenBy(t => t.FromCatalogue)
            .ThenByDescending(t => t.Row.ValidFrom)
            .FirstOrDefault();
        return best.Row?.Value ?? metric.Target;
    }

    /// <summary>The catalogue with each metric's target for the segment the filters narrow to, on <paramref name="day"/>.</summary>
    public static MetricCatalog Apply(MetricCatalog catalog, IEnumerable<DimensionFilter> filters, DateOnly day, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var segment = SegmentOf(filters);
        return reference.Targets.Count == 0 && catalog.Metrics.All(m => m.CatalogTargets.Count == 0)
            ? catalog
            : catalog.WithTargets(m => For(m, segment, day, reference));
    }

    /// <summary>The segment with the market its queue belongs to and the region of its market, as on the day.</summary>
    private static Dictionary<string, string> Implied(IReadOnlyDictionary<string, string> segment, DateOnly day, ReferenceData reference)
    {
        var place = new Dictionary<string, string>(segment, StringComparer.Ordinal);
        var current = reference.Current(day);
        if (!place.ContainsKey("market") && place.TryGetValue("queue", out var queue) && current.Queues.FirstOrDefault(q => q.QueueId == queue) is { } q)
        {
            place["market"] = q.Market;
        }
        if (!place.ContainsKey("region") && place.TryGetValue("market", out var market) && current.RegionByMarket().TryGetValue(market, out var region))
        {
            place["region"] = region;
        }
        return place;
    }

    /// <summary>The narrowest column a row names, as its position in <see cref="SegmentTarget.SegmentColumns"/> (smaller is narrower).</summary>
    private static int Narrowness(SegmentTarget target)
    {
        var columns = SegmentTarget.SegmentColumns;
        for (var i = 0; i < columns.Count; i++)
        {
            if (target.Of(columns[i]).Length > 0)
            {
                return i;
            }
        }
        return columns.Count;
    }
}
