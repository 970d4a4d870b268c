using MathNet.Numerics.Distributions;
using ModScope.Catalog;
using ModScope.Monitor.Detection;
using ModScope.Query;

namespace ModScope.Monitor.Scan;

/// <summary>How a metric's daily values become a detector series: which noise test applies and what a missing day means.</summary>
public static class SeriesShape
{
    public static SeriesKind Kind(MetricDefinition metric) =>
        metric.IsProportion ? SeriesKind.Proportion : metric.IsCount ? SeriesKind.Count : SeriesKind.Level;

    /// <summary>
    /// Trials behind a proportion: the QA sample's effective size for sampled metrics, the denominator for census ratios; none for
    /// other metrics (their band comes from their own history only).
    /// </summary>
    public static double? SampleSize(MetricDefinition metric, MetricResult result) =>
        !metric.IsProportion ? null : metric.Kind == MetricKind.Proportion ? TrailingWeek.Trials(result) : result.Denominator;

    public static bool IsQuantile(MetricDefinition metric) => metric.Measure?.Quantile is not null;

    /// <summary>
    /// A quantile's standard error, read off its distribution-free interval: half its width over the normal quantile of
    /// the interval's confidence (the order-statistic interval is asymptotically normal, David and Nagaraja 2003, §10.2).
    /// </summary>
    /// A day too thin for an interval (a side unbounded) has an infinite standard error: it cannot alert.
    public static double? StandardError(MetricDefinition metric, MetricResult result) =>
        !IsQuantile(metric) || result.Value is null ? null
        : result.Interval is { } interval
            ? Math.Max(interval.Width, 0.0) / (2.0 * Normal.InvCDF(0.0, 1.0, 0.5 + (interval.Confidence / 2.0)))
            : double.PositiveInfinity;

    /// <summary>A day without rows is zero for a count (nothing happened), unknown for anything else.</summary>
    public static double Missing(MetricDefinition metric) => metric.IsCount ? 0.0 : double.NaN;
}
