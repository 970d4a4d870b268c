using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Reports.Story;

/// <summary>Targets from the catalogue: met or missed (by the interval for sampled values), and how far off.</summary>
public static class Thresholds
{
    /// <summary>Point comparison with the target in the metric's good direction.</summary>
    public static TargetStatus Point(MetricDefinition metric, double? value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.Target is not { } target || metric.Direction == MetricDirection.Neutral || value is not { } v)
        {
            return TargetStatus.NoTarget;
        }
        return metric.Direction == MetricDirection.HigherIsBetter ? (v >= target ? TargetStatus.Met : TargetStatus.Missed)
            : (v <= target ? TargetStatus.Met : TargetStatus.Missed);
    }

    /// <summary>For a sampled result, met or missed only when the whole interval is on one side of the target.</summary>
    public static TargetStatus Judged(MetricDefinition metric, MetricResult result)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(result);
        var point = Point(metric, result.Value);
        if (point == TargetStatus.NoTarget || result.Interval is not { } interval || metric.Target is not { } target)
        {
            return point;
        }
        var better = metric.Direction == MetricDirection.HigherIsBetter;
        var allMet = better ? interval.Lower >= target : interval.Upper <= target;
        var allMissed = better ? interval.Upper < target : interval.Lower > target;
        return allMet ? TargetStatus.Met : allMissed ? TargetStatus.Missed : TargetStatus.Undetermined;
    }

    /// <summary>How far a value misses its target, relative to the target (0 when met or without a target).</summary>
    public static double Gap(MetricDefinition metric, double? value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (Point(metric, value) != TargetStatus.Missed || metric.Target is not { } target || value is not { } v)
        {
            return 0;
        }
        return Math.Abs(v - target) / Math.Max(Math.Abs(target), 1e-9);
    }
}
