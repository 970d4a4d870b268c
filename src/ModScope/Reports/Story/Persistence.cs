using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Reports.Story;

/// <summary>Persistence over weeks: how many of the latest weeks in a row moved one way, or missed the target.</summary>
public static class Persistence
{
    /// <summary>The weekly values of one segment (same dimension values), oldest first.</summary>
    public static IReadOnlyList<MetricResult> Series(IEnumerable<MetricResult> weekly, string metric, IReadOnlyDictionary<string, string?> segment)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        ArgumentNullException.ThrowIfNull(segment);
        return weekly.Where(r => r.Metric == metric && r.Bucket is not null && r.Value is not null && SameSegment(r.Dimensions, segment))
            .OrderBy(r => r.Bucket).ToList();
    }

    /// <summary>Latest consecutive week-over-week changes with the sign of <paramref name="direction"/>.</summary>
    public static int MovingWeeks(IReadOnlyList<MetricResult> series, int direction)
    {
        ArgumentNullException.ThrowIfNull(series);
        var weeks = 0;
        for (var i = series.Count - 1; i > 0 && direction != 0; i--)
        {
            if (Math.Sign(series[i].Value!.Value - series[i - 1].Value!.Value) != direction)
            {
                break;
            }
            weeks++;
        }
        return weeks;
    }

    /// <summary>Latest consecutive weeks whose value missed the target.</summary>
    public static int MissedWeeks(MetricDefinition metric, IReadOnlyList<MetricResult> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var weeks = 0;
        for (var i = series.Count - 1; i >= 0 && Thresholds.Point(metric, series[i].Value) == TargetStatus.Missed; i--)
        {
            weeks++;
        }
        return weeks;
    }

    public static bool SameSegment(IReadOnlyDictionary<string, string?> a, IReadOnlyDictionary<string, string?> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
    }
}
