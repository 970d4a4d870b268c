using ModScope.Catalog;
using ModScope.Monitor.Alerts;
using ModScope.Query;
using ModScope.Reports;
using ModScope.Stats;

namespace ModScope.Tests.Reports;

/// <summary>Hand-built metric results and report data for storyline tests (no database).</summary>
internal static class Hand
{
    public static readonly MetricCatalog Catalog = CatalogLoader.LoadDefault();

    /// <summary>ISO week 46 of 2026 (9–15 November), compared with week 45.</summary>
    public static readonly Period Week46 = new(new DateTime(2026, 11, 9), new DateTime(2026, 11, 16), "UTC", "2026-W46");

    public static MetricResult Row(string metric, double? value, double? prior = null, bool? significant = null, string? dimension = null, string? segment = null,
        double? audits = null, (double Lower, double Upper)? interval = null, double? numerator = null, double? denominator = null, DateTime? bucket = null)
    {
        var dims = dimension is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { [dimension] = segment };
        return new MetricResult(metric, bucket, dims, value, numerator, denominator, audits,
            interval is { } i ? new Interval(i.Lower, i.Upper, 0.95, "Wilson score") : null,
            ComparisonValue: prior, AbsoluteChange: value - prior, RelativeChange: prior is { } p && p != 0 ? (value - p) / Math.Abs(p) : null,
            Significant: significant);
    }

    /// <summary>Weekly rows for the six weeks ending with week 46 (oldest first).</summary>
    public static IEnumerable<MetricResult> Weeks(string metric, params double[] values) =>
        values.Select((v, i) => Row(metric, v, bucket: Week46.Start.AddDays(-7 * (values.Length - 1 - i))));

    public static ResultSet Set(string id, params MetricResult[] rows) => Set(id, (IEnumerable<MetricResult>)rows);

    public static ResultSet Set(string id, IEnumerable<MetricResult> rows) =>
        new(id, new MetricRequest(rows.Select(r => r.Metric).Distinct().ToList(), [], TimeGrain.None, [], Week46, Comparison.PreviousPeriod), $"-- SQL of {id}", rows.ToList());

    public static ReportData Data(ReportAudience audience, IEnumerable<ResultSet> sets, IReadOnlyList<Alert>? alerts = null, string? region = null) =>
        new(ReportScope.For(audience, Week46, region), Catalog, sets.ToList(), alerts ?? []);
}
