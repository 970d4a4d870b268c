using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Web.Api;

/// <summary>One <see cref="MetricResult"/> as JSON: the raw numbers plus the same numbers formatted for the chosen language.</summary>
internal sealed record QueryRow(
    string Metric,
    string MetricName,
    DateTime? Bucket,
    string? BucketLabel,
    IReadOnlyDictionary<string, string?> Dimensions,
    double? Value,
    string Formatted,
    double? ComparisonValue,
    string? ComparisonFormatted,
    double? AbsoluteChange,
    double? RelativeChange,
    string? ChangeFormatted,
    bool? Significant,
    /// <summary>good, bad or neutral (significant), flat (tested, not significant) or untested: how the change reads for the business.</summary>
    string? Tone,
    double? Lower,
    double? Upper,
    string? IntervalFormatted,
    double? SampleSize)
{
    public static QueryRow From(MetricResult r, MetricDefinition metric, string language, Comparison comparison)
    {
        var compared = comparison != Comparison.None;
        return new QueryRow(r.Metric, metric.Name.In(language), r.Bucket, r.Bucket is { } b ? CultureFormat.Day(b, language) : null,
            r.Dimensions, Finite(r.Value), CultureFormat.Value(metric, r.Value, language),
            Finite(r.ComparisonValue), compared ? CultureFormat.Value(metric, r.ComparisonValue, language) : null,
            Finite(r.AbsoluteChange), Finite(r.RelativeChange),
            compared ? CultureFormat.Change(metric, r.AbsoluteChange, r.RelativeChange, language) : null,
            r.Significant, compared ? ToneOf(metric, r) : null, Finite(r.Interval?.Lower), Finite(r.Interval?.Upper),
            r.Interval is { } i ? $"{CultureFormat.Value(metric, i.Lower, language)} – {CultureFormat.Value(metric, i.Upper, language)}" : null,
            Finite(r.SampleSize));
    }

    /// <summary>
    /// Coloured by the metric's direction only when a test found the change significant; grey ("flat") when a test says
    /// it is noise, and "untested" (not coloured) where no test applies (quantiles, ratios across sources), so noise is never red or green.
    /// </summary>
    public static string? ToneOf(MetricDefinition metric, MetricResult r) =>
        r.AbsoluteChange is not { } change ? null
        : r.Significant is null ? "untested"
        : r.Significant == false ? "flat"
        : metric.Goodness(change) switch { > 0 => "good", < 0 => "bad", _ => "neutral" };

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
