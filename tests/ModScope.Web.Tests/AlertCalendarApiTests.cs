using System.Text.Json;
using ModScope.Catalog;
using ModScope.Monitor.Detection;
using ModScope.Monitor.Scan;
using ModScope.Query;

namespace ModScope.Web.Tests;

/// <summary>
/// /api/alerts/{id} judges an alert's series with the monitor's events calendar: its chart holds the band the monitor
/// stored when it raised the alert, widens on the days of a known peak in the segment's markets, and names the event.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AlertCalendarApiTests(DashboardStore store) : ApiTestBase(store)
{
    // catalog/events.yaml: the 9.9 Mega Sale 2026 in SEA on 9 September, one lead day and two lag days.
    private static readonly DateOnly SaleFrom = new(2026, 9, 8);
    private static readonly DateOnly SaleTo = new(2026, 9, 11);

    [Fact]
    public async Task Each_metric_alert_chart_holds_the_band_the_monitor_raised_it_with()
    {
        var alerts = StoredAlerts();
        Assert.NotEmpty(alerts);
        foreach (var a in alerts)
        {
            var detail = await GetJson($"/api/alerts/{a.Id}");
            // The monitor stored the value and band of the alert's peak day: one of its days shows exactly them.
            var days = detail.GetProperty("series").EnumerateArray()
                .Where(p => Day(p) >= a.First && Day(p) <= a.Last).ToList();
            Assert.True(days.Exists(p => Same(a.Value, Number(p, "value")) && Same(Shown(a.Subject, a.Lower), Number(p, "lower")) && Same(Shown(a.Subject, a.Upper), Number(p, "upper"))),
                $"alert {a.Id} ({a.Subject} [{a.Segment}]): no day of its chart shows the stored band {a.Lower}–{a.Upper} around {a.Value}");
        }
    }

    [Fact]
    public async Task A_chart_judges_the_sale_days_in_the_segments_markets_as_expected_and_names_the_sale()
    {
        var touched = 0;
        foreach (var a in StoredAlerts().Where(a => SegmentSql(a.Segment) is not null))
        {
            // By hand: the sale touches a segment whose SEA markets hold at least a fifth of its decisions (monitor and chart alike).
            var sea = Scalar($"""
                SELECT sum(CASE WHEN k.region = 'SEA' THEN 1 ELSE 0 END) / count(*) FROM decisions d JOIN markets k ON k.code = d.market
                WHERE {SegmentSql(a.Segment)} AND d.decided_at < DATE '{a.Last:yyyy-MM-dd}' + INTERVAL 1 DAY
                """);
            var known = sea >= 0.2 ? Enumerable.Range(0, SaleTo.DayNumber - SaleFrom.DayNumber + 1).Select(SaleFrom.AddDays).ToHashSet() : [];
            var detail = await GetJson($"/api/alerts/{a.Id}?lang=zh-Hans");
            var series = detail.GetProperty("series").EnumerateArray().ToList();
            Assert.Equal(known.Order(), series.Where(p => p.GetProperty("knownEvent").GetBoolean()).Select(Day));
            var events = detail.GetProperty("events").EnumerateArray().ToList();
            if (known.Count == 0)
            {
                Assert.Empty(events);
                continue;
            }
            touched++;
            var sale = Assert.Single(events);
            Assert.Equal("mega_sale_9_9_2026", sale.GetProperty("id").GetString());
            Assert.Equal("9.9 大促", sale.GetProperty("name").GetString());
            Assert.Equal(series.Single(p => Day(p) == SaleFrom).GetProperty("label").GetString(), sale.GetProperty("fromLabel").GetString());
            Assert.Equal(series.Single(p => Day(p) == SaleTo).GetProperty("label").GetString(), sale.GetProperty("toLabel").GetString());
            await AssertBandAsync(a, series, known);
        }
        Assert.True(touched > 0, "no alert's segment was touched by the 9.9 sale; the test data should have SEA alerts");
    }

    /// <summary>
    /// The band is the detector's over the monitor's series with the sale days as known events (values from our own
    /// daily request, known days from the hand-computed market share), and not the band of a chart that ignores them.
    /// </summary>
    private async Task AssertBandAsync(StoredAlert a, List<JsonElement> series, HashSet<DateOnly> known)
    {
        var metric = Store.Catalog.Metric(a.Subject);
        var filters = SeriesKey.Parse(a.Segment).Select(p => new DimensionFilter(p.Key, FilterOperator.Equals, [p.Value!])).ToList();
        // The chart goes on past the alert to the data's newest day (at most 12 weeks after it).
        var newest = DateOnly.FromDateTime(Store.DataEnd.AddDays(-1));
        var through = newest < a.Last.AddDays(84) ? newest : a.Last.AddDays(84);
        var byDay = (await Query.RunAsync(new MetricRequest([metric.Id], [], TimeGrain.Day, filters,
                Period.UtcDays(a.First.AddDays(-120), through)) { QuantileIntervals = SeriesShape.IsQuantile(metric), LevelErrors = SeriesShape.HasLevelError(metric) }))
            .ToDictionary(r => DateOnly.FromDateTime(r.Bucket!.Value));
        var first = byDay.Keys.Min();
        var days = Enumerable.Range(0, through.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        var settings = MonitorSeries.Detector(metric, new MonitorSettings());
        var withCalendar = SeriesDetector.Detect(MonitorSeries.Points(metric, byDay, days, first, known.Contains), settings).Points
            .ToDictionary(v => DateOnly.FromDateTime(v.Time));
        var without = SeriesDetector.Detect(MonitorSeries.Points(metric, byDay, days, first, _ => false), settings).Points
            .ToDictionary(v => DateOnly.FromDateTime(v.Time));
        foreach (var p in series)
        {
            var want = withCalendar[Day(p)];
            Assert.True(Same(want.Judged ? Shown(a.Subject, want.Lower) : null, Number(p, "lower")) && Same(want.Judged ? Shown(a.Subject, want.Upper) : null, Number(p, "upper")),
                $"alert {a.Id} on {Day(p):yyyy-MM-dd}: band {Number(p, "lower")}–{Number(p, "upper")}, the detector gives {want.Lower}–{want.Upper}");
        }
        // The sale days stay out of the baseline, so the band after them differs from one that ignored the calendar
        // (the test data's sale days are still the detector's warm-up, where the band itself is not yet drawn).
        Assert.Contains(series.Select(Day), d => withCalendar[d].Judged && without[d].Judged &&
            !(Same(withCalendar[d].Lower, without[d].Lower) && Same(withCalendar[d].Upper, without[d].Upper)));
    }

    /// <summary>
    /// A band's bound as the chart shows it: kappa as it is; every other metric of the core index (counts, hours, rates)
    /// at least 0, and a QA proportion at most 1.
    /// </summary>
    private double? Shown(string subject, double? bound)
    {
        var metric = Store.Catalog.Metric(subject);
        return bound is not { } b || metric.Kind == MetricKind.Agreement ? bound
            : metric.Kind == MetricKind.Proportion ? Math.Min(1, Math.Max(0, b)) : Math.Max(0, b);
    }

    /// <summary>A segment of the total, one market or one region as a SQL condition on decisions d and markets k; null otherwise.</summary>
    private static string? SegmentSql(string segment) => SeriesKey.Parse(segment).ToList() switch
    {
        [] => "true",
        [{ Key: "market", Value: { } market }] => $"d.market = '{market}'",
        [{ Key: "region", Value: { } region }] => $"k.region = '{region}'",
        _ => null,
    };

    private List<StoredAlert> StoredAlerts()
    {
        using var connection = Factory.Services.GetService(typeof(Dashboard)) is Dashboard d ? d.Store.OpenConnection() : throw new InvalidOperationException();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT alert_id, subject, segment, first_day, last_day, value, lower_bound, upper_bound FROM alerts WHERE kind = 'metric' ORDER BY alert_id";
        using var reader = command.ExecuteReader();
        var alerts = new List<StoredAlert>();
        while (reader.Read())
        {
            double? D(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
            alerts.Add(new StoredAlert(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<DateOnly>(4), D(5), D(6), D(7)));
        }
        return alerts;
    }

    private static DateOnly Day(JsonElement point) => DateOnly.FromDateTime(point.GetProperty("day").GetDateTime());

    /// <summary>Equal within rounding; a missing or infinite bound (the API omits it) matches a missing one.</summary>
    private static bool Same(double? expected, double? actual)
    {
        var x = expected is { } e && double.IsFinite(e) ? e : (double?)null;
        return x is null ? actual is null : actual is { } y && Math.Abs(x.Value - y) <= 1e-9 * Math.Max(1, Math.Abs(x.Value));
    }

    private sealed record StoredAlert(long Id, string Subject, string Segment, DateOnly First, DateOnly Last, double? Value, double? Lower, double? Upper);
}
