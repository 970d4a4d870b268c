using ModScope.Catalog;

namespace ModScope.Web.Api;

/// <summary>
/// A tile's standing against its target: <c>met</c> when the whole 95% interval (the value, for a metric without one)
/// is on the good side of the target, <c>missed</c> when it is wholly on the bad side, <c>at-risk</c> when the interval
/// holds the target (the data cannot tell met from missed). Null without a value, a target or a direction.
/// </summary>
internal static class TargetStatus
{
    public static string? Of(MetricDefinition metric, double? value, double? lower, double? upper)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.Target is not { } target || value is not { } v || !double.IsFinite(v) || metric.Goodness(1) == 0)
        {
            return null;
        }
        var sides = new[] { lower ?? v, upper ?? v, v }.Where(double.IsFinite).Select(x => Side(metric, x, target)).Distinct().ToList();
        return sides.Count > 1 ? "at-risk" : sides[0] >= 0 ? "met" : "missed";
    }

    /// <summary>+1 when <paramref name="x"/> meets the target (on it counts as met), −1 when it misses it.</summary>
    private static int Side(MetricDefinition metric, double x, double target) => metric.Goodness(x - target) >= 0 ? 1 : -1;
}
