using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Reports.Story;

/// <summary>Helpers over a segment's rows: its label, and the worst segment that carries real weight.</summary>
public static class Segments
{
    /// <summary>The segment argument of a row sliced by <paramref name="dimension"/> (the total when null).</summary>
    public static FactArg Of(MetricResult row, string? dimension)
    {
        ArgumentNullException.ThrowIfNull(row);
        return dimension is not null && row.Dimensions.TryGetValue(dimension, out var value) ? FactArg.Segment(dimension, value) : FactArg.Segment(null, null);
    }

    /// <summary>
    /// The segment with the worst value in the metric's good direction among those holding at least
    /// <paramref name="minShare"/> of the total's weight (denominator, or audits for sampled metrics).
    /// </summary>
    public static MetricResult? Worst(MetricDefinition metric, IEnumerable<MetricResult> rows, double minShare = 0.05)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var list = rows.Where(r => r.Metric == metric.Id && r.Value is not null && r.Dimensions.Values.All(v => v is not null)).ToList();
        if (list.Count == 0 || metric.Direction == MetricDirection.Neutral)
        {
            return null;
        }
        double W(MetricResult r) => r.SampleSize ?? r.Denominator ?? r.Value ?? 0;
        var total = list.Sum(W);
        var weighty = list.Where(r => total <= 0 || W(r) >= minShare * total).ToList();
        return metric.Direction == MetricDirection.HigherIsBetter ? weighty.MinBy(r => r.Value) : weighty.MaxBy(r => r.Value);
    }
}
