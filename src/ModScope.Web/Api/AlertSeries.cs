using ModScope.Catalog;
using ModScope.Monitor;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Calendar;
using ModScope.Monitor.Detection;
using ModScope.Monitor.Scan;
using ModScope.Query;

namespace ModScope.Web.Api;

/// <summary>
/// The daily series behind a metric alert (its segment as filters), judged exactly as the monitor judged it
/// (<see cref="MonitorSeries"/>: QA rates pooled over a trailing week, quantiles with their standard errors, the
/// monitor's history, its events calendar and rebaselines), shown from twelve weeks before its first day past its
/// last, to the data's newest day (at most twelve weeks after), so the chart shows whether the metric recovered; with
/// the band the detector expected each day in (each day judged from the days before it, so the later days change
/// nothing on the alert's), kept inside the values the metric can take (<see cref="MetricRange"/>: a count's band does
/// not reach below 0), and the calendar events that touched the segment (<see cref="SegmentEvents"/>: events whose
/// markets hold enough of its decisions).
/// </summary>
internal static class AlertSeries
{
    public const int WeeksBefore = 12;

    /// <summary>How far past its last day an alert's chart goes at most (up to the data's newest day).</summary>
    public const int WeeksAfter = 12;

    private static readonly MonitorSettings Monitor = new();

    public static async Task<AlertChart> ReadAsync(Alert alert, Dashboard dashboard, AccessScope scope, string language, CancellationToken cancellationToken)
    {
        var f = alert.Finding;
        var metric = dashboard.Catalog.Metrics.FirstOrDefault(m => m.Id == f.Subject);
        if (f.Kind != AlertKind.Metric || metric is null)
        {
            return AlertChart.Empty;
        }
        var segment = SeriesKey.Parse(f.Segment);
        var filters = segment.Where(p => p.Value is not null && p.Value != "(none)")
            .Select(p => new DimensionFilter(p.Key, FilterOperator.Equals, [p.Value!])).ToList();
        var from = f.FirstDay.AddDays(-Monitor.HistoryDays);
        var to = ShownTo(f.LastDay, dashboard.NewestDay);
        var results = (await dashboard.RunAsync(MonitorSeries.Request(metric, filters, from, to) with { Scope = scope }, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Bucket is not null).ToList();
        if (results.Count == 0)
        {
            return AlertChart.Empty;
        }
        var byDay = results.ToDictionary(r => DateOnly.FromDateTime(r.Bucket!.Value));
        var first = byDay.Keys.Min();
        var days = Enumerable.Range(0, to.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        var shares = await MarketShares(segment, f.Segment, from, to, dashboard, cancellationToken).ConfigureAwait(false);
        var touching = days.ToDictionary(d => d, d => SegmentEvents.Touching(dashboard.Calendar, d, shares));
        var points = MonitorSeries.Points(metric, byDay, days, SeriesStart(alert, dashboard, first), d => touching[d].Count > 0);
        var verdicts = SeriesDetector.Detect(points, MonitorSeries.Detector(metric, Monitor)).Points;
        var shownFrom = f.FirstDay.AddDays(-7 * WeeksBefore);
        var range = MetricRange.Of(metric);
        var shown = verdicts.Where(v => DateOnly.FromDateTime(v.Time) >= shownFrom).Select(v =>
            new BandPoint(v.Time, CultureFormat.Day(v.Time, language), Finite(v.Value),
                v.Judged ? range.Clamp(Finite(v.Expected)) : null, v.Judged ? range.Clamp(Finite(v.Lower)) : null, v.Judged ? range.Clamp(Finite(v.Upper)) : null,
                DateOnly.FromDateTime(v.Time) >= f.FirstDay && DateOnly.FromDateTime(v.Time) <= f.LastDay, v.KnownEvent)).ToList();
        return new AlertChart(shown, Markers(shown, touching, language));
    }

    /// <summary>The chart's last day: the data's newest day, but not before the alert's last nor more than <see cref="WeeksAfter"/> after it.</summary>
    public static DateOnly ShownTo(DateOnly lastDay, DateOnly? newest) =>
        newest is { } day ? new[] { lastDay, new[] { day, lastDay.AddDays(7 * WeeksAfter) }.Min() }.Max() : lastDay;

    /// <summary>The segment's decisions by market over the days the monitor read, as the scanner weighs calendar events.</summary>
    private static async Task<IReadOnlyDictionary<string, double>> MarketShares(IReadOnlyDictionary<string, string?> segment, string segmentText,
        DateOnly from, DateOnly to, Dashboard dashboard, CancellationToken cancellationToken)
    {
        var dimensions = segment.Keys.Order(StringComparer.Ordinal).ToList();
        var rows = await dashboard.RunAsync(MarketMix.Request(dashboard.Catalog, dimensions, Period.UtcDays(from, to)), cancellationToken).ConfigureAwait(false);
        return MarketMix.Shares(rows, dimensions).GetValueOrDefault(segmentText) ?? new Dictionary<string, double>();
    }

    /// <summary>
    /// Where the judged series starts: its first data day, or a later day an analyst declared a new normal from, as the
    /// monitor applied it when it last judged this alert (declarations made after that run do not change its band).
    /// </summary>
    private static DateOnly SeriesStart(Alert alert, Dashboard dashboard, DateOnly first) =>
        dashboard.Alerts.RebaselineFor(alert.Id) is { } day && day > first ? day : first;

    /// <summary>One marker per event touching shown days, from the first to the last of them.</summary>
    private static List<EventMarker> Markers(IReadOnlyList<BandPoint> shown, IReadOnlyDictionary<DateOnly, IReadOnlyList<CalendarEvent>> touching, string language) =>
        shown.SelectMany(p => touching[DateOnly.FromDateTime(p.Day)].Select(e => (Event: e, Point: p)))
            .GroupBy(x => x.Event.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var e = g.First().Event;
                return new EventMarker(e.Id, e.Name.In(language), e.Start, e.End, e.EffectStart, e.EffectEnd,
                    g.First().Point.Label, g.Last().Point.Label, g.Any(x => x.Point.InAlert));
            })
            .ToList();

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
