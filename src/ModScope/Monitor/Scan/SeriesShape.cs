using ModScope.Catalog;
using ModScope.Monitor.Detection;
using ModScope.Query;

namespace ModScope.Monitor.Scan;

/// <summary>How a metric's daily values become a detector series: which noise test applies and what a missing day means.</summary>
internal static class SeriesShape
{
    public static SeriesKind Kind(MetricDefinition metric) =>
        metric.IsProportion ? SeriesKind.Proportion : metric.IsCount ? SeriesKind.Count : SeriesKind.Level;

    /// <summary>
    /// Trials behind a proportion: the QA sample for sampled metrics, the denominator for census ratios; none for
    /// other metrics (their band comes from their own history only).
    /// </summary>
    public static double? SampleSize(MetricDefinition metric, MetricResult result) =>
        !metric.IsProportion ? null : metric.Kind == MetricKind.Proportion ? result.SampleSize : result.Denominator;

    /// <summary>A day without rows is zero for a count (nothing happened), unknown for anything else.</summary>
    public static double Missing(MetricDefinition metric) => metric.IsCount ? 0.0 : double.NaN;
}
