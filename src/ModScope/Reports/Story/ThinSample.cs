using ModScope.Catalog;
using ModScope.Query;
using ModScope.Stats;

namespace ModScope.Reports.Story;

/// <summary>
/// When a QA estimate is too wide to conclude: its interval is wider than ±<see cref="StoryRules.QaMargin"/> and holds
/// the target. The audits needed come from <see cref="SampleSize.ForProportion"/> (simple random sample at the observed
/// rate) times the design effect the stratified sample shows (observed variance over the simple-random one).
/// </summary>
public static class ThinSample
{
    public static bool IsThin(MetricDefinition metric, MetricResult row, StoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(rules);
        return row is { Interval: { } i, SampleSize: > 0, Value: not null } && i.Width / 2 > rules.QaMargin
            && Thresholds.Judged(metric, row) is TargetStatus.Undetermined or TargetStatus.NoTarget;
    }

    /// <summary>Audits needed for ±margin at the observed rate, corrected by the design effect (at least the simple-random size).</summary>
    public static long Needed(MetricResult row, StoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(rules);
        var p = Math.Clamp(row.Value ?? 0.5, 0.01, 0.99);
        var simple = SampleSize.ForProportion(p, rules.QaMargin).Required;
        var n = row.SampleSize ?? 0;
        var halfWidth = row.Interval is { } i ? i.Width / 2 : 0;
        var z = Critical.TwoSidedZ(row.Interval?.Confidence ?? 0.95);
        var designEffect = n > 0 ? halfWidth * halfWidth * n / (z * z * p * (1 - p)) : 1;
        return (long)Math.Ceiling(simple * Math.Max(1.0, designEffect));
    }

    public static Fact Fact(string key, MetricResult row, string? dimension, MetricDefinition metric, StoryRules rules, string source)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(metric);
        return Story.Fact.Of(key, source, ("subject", Segments.Of(row, dimension)), ("metric", FactArg.Name(metric.Id)),
            ("audits", FactArg.Count(row.SampleSize)), ("halfwidth", FactArg.Magnitude(metric.Id, row.Interval!.Width / 2)),
            ("margin", FactArg.Magnitude(metric.Id, rules.QaMargin)), ("needed", FactArg.Count(Needed(row, rules))),
            ("value", FactArg.Value(metric.Id, row.Value)), ("interval", FactArg.Range(metric.Id, row.Interval.Lower, row.Interval.Upper)));
    }
}
