using ModScope.Catalog;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ModScope.Monitor.Scan;
using ModScope.Query;

namespace ModScope.Web.Tests;

/// <summary>/api/alerts: the list and detail read the alert store; changing a status needs the analyst role.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AlertApiTests(DashboardStore store) : ApiTestBase(store)
{
    [Fact]
    public async Task The_list_holds_every_stored_alert_and_the_status_filter_applies()
    {
        var all = await GetJson("/api/alerts");
        Assert.Equal(Scalar("SELECT count(*) FROM alerts"), all.GetArrayLength());
        Assert.True(all.GetArrayLength() > 0, "the monitor run found no alert");
        var metricAlerts = await GetJson("/api/alerts?kind=metric");
        Assert.Equal(Scalar("SELECT count(*) FROM alerts WHERE kind = 'metric'"), metricAlerts.GetArrayLength());
    }

    [Fact]
    public async Task A_metric_alert_shows_its_daily_series_as_the_monitor_judged_it()
    {
        var id = (long)Scalar("SELECT min(alert_id) FROM alerts WHERE kind = 'metric'");
        var detail = await GetJson($"/api/alerts/{id}");
        var alert = detail.GetProperty("alert");
        var first = DateOnly.Parse(alert.GetProperty("firstDay").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var last = DateOnly.Parse(alert.GetProperty("lastDay").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var metric = Store.Catalog.Metric(alert.GetProperty("subject").GetString()!);
        var filters = SeriesKey.Parse(alert.GetProperty("segment").GetString()!)
            .Select(p => new DimensionFilter(p.Key, FilterOperator.Equals, [p.Value!])).ToList();
        // The chart goes on past the alert to the data's newest day (at most 12 weeks after its last day).
        var newest = DateOnly.FromDateTime(Store.DataEnd.AddDays(-1));
        var through = newest < last.AddDays(84) ? newest : last.AddDays(84);
        var daily = (await Query.RunAsync(new MetricRequest([metric.Id], [], TimeGrain.Day, filters,
            new Period(first.AddDays(-120).ToDateTime(TimeOnly.MinValue), through.AddDays(1).ToDateTime(TimeOnly.MinValue), "UTC", "series"))))
            .ToDictionary(r => DateOnly.FromDateTime(r.Bucket!.Value));

        // The value the monitor judged each day: a QA rate pooled over the 7 days up to it (Σ numerators / Σ
        // denominators), any other metric its own day's value; shown from 12 weeks before the alert (or the first data day).
        double? Judged(DateOnly day)
        {
            if (metric.Kind != MetricKind.Proportion)
            {
                return daily.TryGetValue(day, out var r) ? r.Value : null;
            }
            var week = Enumerable.Range(0, 7).Select(back => daily.GetValueOrDefault(day.AddDays(-back))).Where(r => r is not null).ToList();
            var denominator = week.Sum(r => r!.Denominator ?? 0);
            return denominator > 0 ? week.Sum(r => r!.Numerator ?? 0) / denominator : null;
        }
        var shownFrom = new[] { first.AddDays(-84), daily.Keys.Min() }.Max();
        var expected = Enumerable.Range(0, through.DayNumber - shownFrom.DayNumber + 1).Select(shownFrom.AddDays).Select(Judged).ToList();

        var series = detail.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(expected.Count, series.Count);
        foreach (var (want, got) in expected.Zip(series))
        {
            Close(want, Number(got, "value"));
        }
        // Only the alert's own days are marked as in it; the days after show whether it recovered.
        Assert.Equal(last.DayNumber - first.DayNumber + 1, series.Count(p => p.GetProperty("inAlert").GetBoolean()));
        // Judged days carry a band around the expected value.
        Assert.Contains(series, p => Number(p, "lower") <= Number(p, "expected") && Number(p, "expected") <= Number(p, "upper"));
    }

    [Fact]
    public async Task An_alert_carries_the_target_of_its_segment_and_a_data_alert_none()
    {
        // The dashboard's store has no targets file and its catalogue no targets: entries, so every segment's target is
        // the metric's own from core-index.yaml (segment targets themselves: SegmentTargetsTests, CatalogTargetsTests).
        var alerts = (await GetJson("/api/alerts")).EnumerateArray().ToList();
        Assert.Contains(alerts, a => a.GetProperty("kind").GetString() == "metric" && Store.Catalog.Metric(a.GetProperty("subject").GetString()!).Target is not null);
        foreach (var alert in alerts)
        {
            var target = alert.GetProperty("target");
            if (alert.GetProperty("kind").GetString() == "metric" && Store.Catalog.Metric(alert.GetProperty("subject").GetString()!).Target is { } expected)
            {
                Assert.Equal(expected, target.GetDouble());
                Assert.False(string.IsNullOrEmpty(alert.GetProperty("targetFormatted").GetString()));
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, target.ValueKind);
            }
        }
    }

    [Fact]
    public async Task An_alerts_band_never_leaves_the_values_its_metric_can_take()
    {
        // One alert per metric: counts, hours and rates cannot go below 0; a QA proportion cannot pass 100%.
        var alerts = (await GetJson("/api/alerts?kind=metric")).EnumerateArray()
            .GroupBy(a => a.GetProperty("subject").GetString()!).Select(g => g.First()).ToList();
        Assert.NotEmpty(alerts);
        foreach (var alert in alerts)
        {
            var metric = Store.Catalog.Metric(alert.GetProperty("subject").GetString()!);
            var series = (await GetJson($"/api/alerts/{alert.GetProperty("id").GetInt64()}")).GetProperty("series").EnumerateArray().ToList();
            foreach (var p in series.Where(p => p.GetProperty("lower").ValueKind == JsonValueKind.Number))
            {
                Assert.True(metric.Kind == MetricKind.Agreement || Number(p, "lower") >= 0, $"{metric.Id}: lower {Number(p, "lower")} < 0");
                Assert.True(metric.Kind != MetricKind.Proportion || Number(p, "upper") <= 1, $"{metric.Id}: upper {Number(p, "upper")} > 1");
            }
        }
    }

    [Fact]
    public async Task An_unknown_alert_is_404()
    {
        using var response = await Client.GetAsync("/api/alerts/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Changing_a_status_needs_an_analyst_and_strangers_are_unauthorised()
    {
        // A data alert where there is one: the browser test acknowledges a new metric alert of the same shared store.
        var id = (long)Scalar("SELECT coalesce(max(alert_id) FILTER (WHERE kind = 'data'), max(alert_id)) FROM alerts");
        var before = Status(id);

        using (var anonymous = await Post(id, new { status = "acknowledged" }, null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        using (var wrongToken = await Post(id, new { status = "acknowledged" }, new AuthenticationHeaderValue("Bearer", "guess")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        }
        Assert.Equal(before, Status(id));

        var analyst = new AuthenticationHeaderValue("Bearer", DashboardStore.AnalystToken);
        using (var snoozed = await Post(id, new { status = "snoozed", until = "2026-12-01" }, analyst))
        {
            Assert.True(snoozed.StatusCode == HttpStatusCode.OK, await snoozed.Content.ReadAsStringAsync());
        }
        Assert.Equal("snoozed", Status(id));
        Assert.Equal(new DateOnly(2026, 12, 1), Rows($"SELECT snoozed_until FROM alerts WHERE alert_id = {id}"));
        using (var resolved = await Post(id, new { status = "resolved" }, analyst))
        {
            Assert.True(resolved.StatusCode == HttpStatusCode.OK, await resolved.Content.ReadAsStringAsync());
            Assert.Equal("resolved", (await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }
        Assert.Equal("resolved", Status(id));
        using (var bad = await Post(id, new { status = "snoozed" }, analyst))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("until", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
        }
        using (var unknown = await Post(id, new { status = "deleted" }, analyst))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Equal("status", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
        }
    }

    private async Task<HttpResponseMessage> Post(long id, object body, AuthenticationHeaderValue? auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{id}/status") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = auth;
        return await Client.SendAsync(request);
    }

    private string Status(long id) => (string)Rows($"SELECT status FROM alerts WHERE alert_id = {id}")!;

    private object? Rows(string sql)
    {
        using var connection = Factory.Services.GetService(typeof(Dashboard)) is Dashboard d ? d.Store.OpenConnection() : throw new InvalidOperationException();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
