using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Monitor.Targets;

/// <summary>
/// Whether a segment missed its target in each of its last weeks (pure). A week misses when its value is on the bad
/// side of that week's target; a sampled value (QA) only when its whole interval is, so a week too close to call
/// breaks the streak; a week without a value or a target breaks it too.
/// </summary>
public static class TargetStreak
{
    /// <summary>True when every week (oldest first) missed its target, and there are <paramref name="weeks"/> of them.</summary>
    public static bool Missed(MetricDefinition metric, IReadOnlyList<(MetricResult? Row, double? Target)> history, int weeks)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(history);
        return weeks > 0 && history.Count == weeks && history.All(w => Misses(metric, w.Row, w.Target));
    }

    /// <summary>True when the value is wholly on the bad side of the target (the interval's near end, for a sampled value).</summary>
    public static bool Misses(MetricDefinition metric, MetricResult? row, double? target)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (row?.Value is not { } value || target is not { } t || metric.Direction == MetricDirection.Neutral)
        {
            return false;
        }
        var higherIsBetter = metric.Direction == MetricDirection.HigherIsBetter;
        var best = row.Interval is { } i ? (higherIsBetter ? i.Upper : i.Lower) : value;
        return higherIsBetter ? best < t : best > t;
    }
}
