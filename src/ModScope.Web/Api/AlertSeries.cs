using ModScope.Monitor.Alerts;
using ModScope.Monitor.Detection;
using ModScope.Monitor.Scan;
using ModScope.Query;

namespace ModScope.Web.Api;

/// <summary>
/// The daily series behind a metric alert (its segment as filters, twelve weeks before its first day to its last),
/// through a metric request, with the band the series detector expects each day in (each day judged from the days before it).
/// </summary>
internal static class AlertSeries
{
    public const int WeeksBefore = 12;

    /// <summary>Daily series have a weekly season, as the monitor scans them.</summary>
    private static readonly DetectorSettings Settings = new() { Period = 7 };

    public static async Task<IReadOnlyList<BandPoint>> ReadAsync(Alert alert, Dashboard dashboard, string language, CancellationToken cancellationToken)
    {
        var f = alert.Finding;
        if (f.Kind != AlertKind.Metric || dashboard.Catalog.Metrics.All(m => m.Id != f.Subject))
        {
            return [];
        }
        var filters = SeriesKey.Parse(f.Segment).Where(p => p.Value is not null && p.Value != "(none)")
            .Select(p => new DimensionFilter(p.Key, FilterOperator.Equals, [p.Value!])).ToList();
        var start = f.FirstDay.AddDays(-7 * WeeksBefore).ToDateTime(TimeOnly.MinValue);
        var end = f.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var request = new MetricRequest([f.Subject], [], TimeGrain.Day, filters, new Period(start, end, "UTC", "alert series"));
        var results = (await dashboard.RunAsync(request, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Bucket is not null).OrderBy(r => r.Bucket).ToList();
        var points = results.Select(r => new SeriesPoint(r.Bucket!.Value, r.Value ?? double.NaN, r.SampleSize ?? r.Denominator)).ToList();
        var verdicts = SeriesDetector.Detect(points, Settings).Points;
        return results.Select((r, i) =>
        {
            var v = verdicts[i];
            return new BandPoint(r.Bucket!.Value, CultureFormat.Day(r.Bucket.Value, language), Finite(r.Value),
                v.Judged ? Finite(v.Expected) : null, v.Judged ? Finite(v.Lower) : null, v.Judged ? Finite(v.Upper) : null,
                DateOnly.FromDateTime(r.Bucket.Value) >= f.FirstDay);
        }).ToList();
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
