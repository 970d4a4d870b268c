using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ModScope.Web.Tests;

/// <summary>
/// /api/alerts/{id}/label records an analyst's feedback as 'modscope alerts label' does (analyst role, known labels
/// only); alert days stay UTC days while first-seen and updated instants follow the chosen time zone.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AlertFeedbackApiTests(DashboardStore store) : ApiTestBase(store)
{
    [Fact]
    public async Task Labelling_needs_an_analyst_and_a_known_label_and_new_normal_rebaselines_the_series()
    {
        // The latest alert of its series, so the rebaseline from its first day changes no other alert's chart.
        var id = (long)Scalar("""
            SELECT max(alert_id) FROM alerts a WHERE kind = 'metric' AND label IS NULL
              AND NOT EXISTS (SELECT 1 FROM alerts b WHERE b.subject = a.subject AND b.segment = a.segment AND b.first_day > a.first_day)
            """);
        using (var anonymous = await Post(id, new { label = "false_alarm" }, null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        Assert.Equal(0, Scalar($"SELECT count(*) FROM alerts WHERE alert_id = {id} AND label IS NOT NULL"));

        var analyst = new AuthenticationHeaderValue("Bearer", DashboardStore.AnalystToken);
        foreach (var bad in new object[] { new { label = "maybe" }, new { label = (string?)null } })
        {
            using var rejected = await Post(id, bad, analyst);
            Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
            Assert.Equal("label", (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
        }
        Assert.Equal(0, Scalar($"SELECT count(*) FROM alerts WHERE alert_id = {id} AND label IS NOT NULL"));

        using (var labelled = await Post(id, new { label = "false_alarm" }, analyst))
        {
            Assert.True(labelled.StatusCode == HttpStatusCode.OK, await labelled.Content.ReadAsStringAsync());
            Assert.Equal("false_alarm", (await labelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("label").GetString());
        }
        Assert.Equal(1, Scalar($"SELECT count(*) FROM alerts WHERE alert_id = {id} AND label = 'false_alarm' AND labelled_at IS NOT NULL"));
        Assert.Equal(0, Scalar($"SELECT count(*) FROM series_rebaselines WHERE alert_id = {id}"));

        var chartBefore = (await GetJson($"/api/alerts/{id}")).GetProperty("series").GetRawText();
        using (var newNormal = await Post(id, new { label = "new_normal" }, analyst))
        {
            Assert.True(newNormal.StatusCode == HttpStatusCode.OK, await newNormal.Content.ReadAsStringAsync());
        }
        Assert.Equal(1, Scalar($"""
            SELECT count(*) FROM series_rebaselines r JOIN alerts a ON a.alert_id = r.alert_id
            WHERE r.alert_id = {id} AND r.subject = a.subject AND r.segment = a.segment AND r.from_day = a.first_day AND a.label = 'new_normal'
            """));
        var after = await GetJson($"/api/alerts/{id}");
        Assert.Equal("new_normal", after.GetProperty("alert").GetProperty("label").GetString());
        // The monitor judged this alert before the rebaseline: its chart keeps the band it was raised with.
        Assert.Equal(chartBefore, after.GetProperty("series").GetRawText());

        using var unknown = await Post(999_999, new { label = "expected" }, analyst);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Alert_days_stay_utc_days_while_first_seen_and_updated_follow_the_time_zone()
    {
        var id = (long)Scalar("SELECT min(alert_id) FROM alerts");
        var (firstDay, created, updated) = Row(id);
        var utc = (await GetJson("/api/alerts?tz=UTC")).EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == id);
        var singapore = (await GetJson("/api/alerts?tz=Asia/Singapore")).EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == id);
        var detail = (await GetJson($"/api/alerts/{id}?tz=Asia/Singapore")).GetProperty("alert");
        foreach (var view in new[] { utc, singapore, detail })
        {
            Assert.Equal("UTC", view.GetProperty("dayZone").GetString());
            Assert.Equal(firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), view.GetProperty("firstDay").GetString());
            Assert.Equal(firstDay.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")), view.GetProperty("firstDayText").GetString());
        }
        // Singapore is UTC+8 all year (no daylight saving).
        static string Text(DateTime t) => t.ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"));
        Assert.Equal(Text(created), utc.GetProperty("firstSeenText").GetString());
        Assert.Equal(Text(created.AddHours(8)), singapore.GetProperty("firstSeenText").GetString());
        Assert.Equal(Text(updated.AddHours(8)), detail.GetProperty("updatedText").GetString());
        Assert.Equal("Asia/Singapore", detail.GetProperty("timeZone").GetString());

        using var bad = await Client.GetAsync("/api/alerts?tz=Mars/Olympus");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("tz", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    private (DateOnly FirstDay, DateTime Created, DateTime Updated) Row(long id)
    {
        using var connection = Factory.Services.GetService(typeof(Dashboard)) is Dashboard d ? d.Store.OpenConnection() : throw new InvalidOperationException();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT first_day, created_at, updated_at FROM alerts WHERE alert_id = {id}";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetFieldValue<DateOnly>(0), reader.GetDateTime(1), reader.GetDateTime(2));
    }

    private async Task<HttpResponseMessage> Post(long id, object body, AuthenticationHeaderValue? auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{id}/label") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = auth;
        return await Client.SendAsync(request);
    }
}
