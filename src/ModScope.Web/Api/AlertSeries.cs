using ModScope.Monitor.Alerts;
using ModScope.Monitor.Detection;
using ModScope.Monitor.Scan;
using ModScope.Query;

namespace ModScope.Web.Api;

/// <summary>
/// The daily series behind a metric alert (its segment as filters), judged exactly as the monitor judged it
/// (<see cref="MonitorSeries"/>: QA rates pooled over a trailing week, quantiles with their standard errors, the
/// monitor's history), shown from twelve weeks before its first day to its last, with the band the detector expected
/// each day in (each day judged from the days before it).
/// </summary>
internal static class AlertSeries
{
    public const int WeeksBefore = 12;

    private static readonly MonitorSettings Monitor = new();

    public static async Task<IReadOnlyList<BandPoint>> ReadAsync(Alert alert, Dashboard dashboard, string language, CancellationToken cancellationToken)
    {
        var f = alert.Finding;
        var metric = dashboard.Catalog.Metrics.FirstOrDefault(m => m.Id == f.Subject);
        if (f.Kind != AlertKind.Metric || metric is null)
        {
            return [];
        }
        var filters = SeriesKey.Parse(f.Segment).Where(p => p.Value is not null && p.Value != "(none)")
            .Select(p => new DimensionFilter(p.Key, FilterOperator.Equals, [p.Value!])).ToList();
        var from = f.FirstDay.AddDays(-Monitor.HistoryDays);
        var results = (await dashboard.RunAsync(MonitorSeries.Request(metric, filters, from, f.LastDay), cancellationToken).ConfigureAwait(false))
            .Where(r => r.Bucket is not null).ToList();
        if (results.Count == 0)
        {
            return [];
        }
        var byDay = results.ToDictionary(r => DateOnly.FromDateTime(r.Bucket!.Value));
        var first = byDay.Keys.Min();
        var days = Enumerable.Range(0, f.LastDay.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        var points = MonitorSeries.Points(metric, byDay, days, first, _ => false);
        var verdicts = SeriesDetector.Detect(points, MonitorSeries.Detector(metric, Monitor)).Points;
        var shownFrom = f.FirstDay.AddDays(-7 * WeeksBefore);
        return verdicts.Where(v => DateOnly.FromDateTime(v.Time) >= shownFrom).Select(v =>
            new BandPoint(v.Time, CultureFormat.Day(v.Time, language), Finite(v.Value),
                v.Judged ? Finite(v.Expected) : null, v.Judged ? Finite(v.Lower) : null, v.Judged ? Finite(v.Upper) : null,
                DateOnly.FromDateTime(v.Time) >= f.FirstDay)).ToList();
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
