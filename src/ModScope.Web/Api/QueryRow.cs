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
    /// <summary>good, bad, neutral or flat (not significant): how the change reads for the business.</summary>
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

    /// <summary>Grey ("flat") when a test says the change is noise; otherwise coloured by the metric's direction.</summary>
    public static string? ToneOf(MetricDefinition metric, MetricResult r) =>
        r.AbsoluteChange is not { } change ? null
        : r.Significant == false ? "flat"
        : metric.Goodness(change) switch { > 0 => "good", < 0 => "bad", _ => "neutral" };

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
