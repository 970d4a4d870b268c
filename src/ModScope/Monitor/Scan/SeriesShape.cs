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
    /// Whether a level metric gets a standard error from <see cref="MetricRequest.LevelErrors"/>: not a count or a
    /// proportion (they have their own tests) nor a quantile (order statistics).
    /// </summary>
    public static bool HasLevelError(MetricDefinition metric) => Kind(metric) == SeriesKind.Level && !IsQuantile(metric);

    /// <summary>
    /// A level's standard error, read off its interval: half its width over the normal quantile of the interval's
    /// confidence. A mean's, a sum's and a cross-source ratio's interval is the normal one (see <c>Evaluator</c>); a
    /// quantile's is the distribution-free one, asymptotically normal too (David and Nagaraja 2003, §10.2).
    /// A quantile day too thin for an interval (a side unbounded) has an infinite standard error: it cannot alert.
    /// A level without an interval (a ratio of two sums of one table, such as utilisation) has none: its band comes
    /// from its history only.
    /// </summary>
    public static double? StandardError(MetricDefinition metric, MetricResult result) =>
        Kind(metric) != SeriesKind.Level || result.Value is null ? null
        : result.Interval is { } interval
            ? Math.Max(interval.Width, 0.0) / (2.0 * Normal.InvCDF(0.0, 1.0, 0.5 + (interval.Confidence / 2.0)))
        : IsQuantile(metric) ? double.PositiveInfinity : null;

    /// <summary>A day without rows is zero for a count (nothing happened), unknown for anything else.</summary>
    public static double Missing(MetricDefinition metric) => metric.IsCount ? 0.0 : double.NaN;
}
