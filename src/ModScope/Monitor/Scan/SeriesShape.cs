using ModScope.Catalog;
using ModScope.Monitor.Detection;
using ModScope.Query;

namespace ModScope.Monitor.Scan;

/// <summary>How a metric's daily values become a detector series: which noise test applies and what a missing day means.</summary>
internal static class SeriesShape
{
    public static SeriesKind Kind(MetricDefinition metric) => metric switch
    {
        { Kind: MetricKind.Proportion } => SeriesKind.Proportion,
        { Kind: MetricKind.Ratio, Format: "percent" } => SeriesKind.Proportion,
        { Kind: MetricKind.Measure, Measure.Aggregate: "count" } => SeriesKind.Count,
        _ => SeriesKind.Level,
    };

    /// <summary>Trials behind a proportion: the QA sample for sampled metrics, the denominator for census ratios.</summary>
    public static double? SampleSize(MetricDefinition metric, MetricResult result) =>
        metric.Kind == MetricKind.Proportion ? result.SampleSize : metric.Kind == MetricKind.Ratio ? result.Denominator : result.SampleSize;

    /// <summary>A day without rows is zero for a count (nothing happened), unknown for anything else.</summary>
    public static double Missing(MetricDefinition metric) => Kind(metric) == SeriesKind.Count ? 0.0 : double.NaN;

    public static string Format(MetricDefinition metric, double? value) => value is not { } v || !double.IsFinite(v) ? "n/a" : metric.Format switch
    {
        "percent" => v.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture),
        "integer" => v.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>+1 when the move is good for the business, −1 when bad, 0 for neutral metrics.</summary>
    public static int Goodness(MetricDefinition metric, int direction) => metric.Direction switch
    {
        MetricDirection.HigherIsBetter => direction,
        MetricDirection.LowerIsBetter => -direction,
        _ => 0,
    };
}
