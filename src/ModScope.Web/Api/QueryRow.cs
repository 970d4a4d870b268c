using ModScope.Catalog;
using ModScope.Query;
using ModScope.Reports.Text;

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
    /// <summary>The target of the row's metric for its segment (the explorer's <see cref="RowTargets"/>; none elsewhere).</summary>
    public double? Target { get; init; }

    /// <summary>
    /// Set when the comparison's current or previous period starts before the metric's data (<see cref="MetricResult.Coverage"/>):
    /// the days with data of each, and whether a change was given (<c>comparable</c>); null when both are covered.
    /// </summary>
    public ComparisonCoverage? Coverage { get; init; }

    /// <summary><see cref="Coverage"/> as people read it ("Not compared: the previous period has data for 23 of 56 days (data from ...)").</summary>
    public string? CoverageFormatted { get; init; }

    public static QueryRow From(MetricResult r, MetricDefinition metric, string language, Comparison comparison)
    {
        var compared = comparison != Comparison.None;
        return new QueryRow(r.Metric, metric.Name.In(language), r.Bucket, r.Bucket is { } b ? CultureFormat.Day(b, language) : null,
            r.Dimensions, Finite(r.Value), CultureFormat.Value(metric, r.Value, language),
            Finite(r.ComparisonValue), compared ? CultureFormat.Value(metric, r.ComparisonValue, language) : null,
            Finite(r.AbsoluteChange), Finite(r.RelativeChange),
            compared ? CultureFormat.Change(metric, r.AbsoluteChange, r.RelativeChange, language) : null,
            r.Significant, compared ? ToneOf(metric, r) : null, Finite(r.Interval?.Lower), Finite(r.Interval?.Upper),
            IntervalText(r, metric, language), Finite(r.SampleSize))
        {
            Coverage = compared ? r.Coverage : null,
            CoverageFormatted = compared && r.Coverage is { } coverage ? CoverageWords.Of(coverage, ReportText.For(language)) : null,
        };
    }

    /// <summary>
    /// The interval as people read it, and what it is when it is degenerate: a census (every row counted, so no sampling
    /// error: the bounds coincide) says so instead of "95.0% – 95.0%"; a share where every sampled item went one way
    /// (18 audits, all correct) says the interval is one-sided (it cannot extend past 0% or 100%).
    /// </summary>
    public static string? IntervalText(MetricResult r, MetricDefinition metric, string language)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(metric);
        if (r.Interval is not { } i || !double.IsFinite(i.Lower) || !double.IsFinite(i.Upper))
        {
            return null;
        }
        if (i.Upper - i.Lower == 0)
        {
            return Labels.Get(language, "interval.census");
        }
        var range = $"{CultureFormat.Value(metric, i.Lower, language)} – {CultureFormat.Value(metric, i.Upper, language)}";
        var share = metric.Format == ValueFormat.Percent && r.Value is 0.0 or 1.0;
        return share && r.SampleSize is { } n && n > 0
            ? range + Labels.Get(language, "interval.oneSided")
                .Replace("{0}", Math.Round(n).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{1}", CultureFormat.Value(metric, r.Value, language), StringComparison.Ordinal)
            : range;
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
