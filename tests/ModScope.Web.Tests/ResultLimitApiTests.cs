using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ModScope.Web.Tests;

/// <summary>
/// A request's answer is capped at rows × columns cells (columns: the export's, 11 plus one per dimension); beyond,
/// a 400 tells the user to narrow it, for the JSON answer and both exports alike. The cap here is set from a
/// hand-written count of the groups the request makes, one cell under and at the boundary.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ResultLimitApiTests(DashboardStore store) : ApiTestBase(store)
{
    private const string Wide = "metric=decision_volume&by=moderator,queue,language&grain=hour&period=last%20full%20week";

    [Fact]
    public async Task The_moderator_by_queue_by_language_hourly_answer_is_refused_one_cell_over_the_cap_and_answered_at_it()
    {
        var week = LastFullWeek;
        var groups = (long)Scalar($"""
            SELECT count(*) FROM (SELECT DISTINCT moderator_id, queue, language, date_trunc('hour', decided_at) FROM decisions
            WHERE decided_at >= '{week.Start:yyyy-MM-dd}' AND decided_at < '{week.End:yyyy-MM-dd}')
            """);
        var cells = groups * (11 + 3);
        Assert.True(groups > 1000, $"only {groups} groups");

        using var under = Limited(cells - 1);
        using var at = Limited(cells);
        using var client = under.CreateClient();
        foreach (var path in new[] { "/api/query", "/api/export.csv", "/api/export.xlsx" })
        {
            using var refused = await client.GetAsync($"{path}?{Wide}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Result too large", problem.GetProperty("title").GetString());
            var detail = problem.GetProperty("detail").GetString()!;
            Assert.Contains((cells - 1).ToString("N0", CultureInfo.InvariantCulture), detail, StringComparison.Ordinal);
            Assert.Contains("narrow", detail, StringComparison.Ordinal);
        }

        var answer = await at.CreateClient().GetFromJsonAsync<JsonElement>($"/api/query?{Wide}");
        Assert.Equal(groups, answer.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Several_metrics_are_refused_early_only_when_the_answer_is_over_the_cap()
    {
        // Refusing before evaluating (from the statements' rows) must never refuse an answer that fits: at the answer's
        // own size it is served, one row under it is refused.
        const string Several = "metric=decision_volume,sla_attainment,tat_p90_hours,automation_rate&by=moderator,queue&grain=day&period=last%20full%20week";
        using var unlimited = Limited(int.MaxValue);
        var rows = (await unlimited.CreateClient().GetFromJsonAsync<JsonElement>($"/api/query?{Several}")).GetProperty("rows").GetArrayLength();
        var cells = rows * (11L + 2);

        using var at = Limited(cells);
        using var under = Limited(cells - 1);
        using var served = await at.CreateClient().GetAsync($"/api/query?{Several}");
        using var refused = await under.CreateClient().GetAsync($"/api/query?{Several}");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task A_request_far_over_the_cap_is_refused_from_the_statements_before_evaluation()
    {
        using var factory = Limited(20_000);
        using var client = factory.CreateClient();

        var problem = await (await client.GetAsync($"/api/query?{Wide.Replace("metric=decision_volume", "metric=decision_volume,sla_attainment,tat_p90_hours", StringComparison.Ordinal)}"))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Result too large", problem.GetProperty("title").GetString());
        Assert.Contains("at least", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grain_too_fine_for_the_period_is_refused_before_anything_runs()
    {
        using var response = await Client.GetAsync("/api/query?metric=decision_volume&grain=hour&period=1990-01-01..2150-12-31");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Result too large", problem.GetProperty("title").GetString());
        // 161 years of hours, one metric, 11 columns: far over the default 500,000 cells.
        var hours = (long)(new DateTime(2151, 1, 1) - new DateTime(1990, 1, 1)).TotalHours;
        Assert.Contains(hours.ToString("N0", CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private DashboardFactory Limited(long maxCells) =>
        new(Store, new Dictionary<string, string?> { ["ModScope:Limits:MaxResultCells"] = maxCells.ToString(CultureInfo.InvariantCulture) });
}
