using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ModScope.Web.Tests;

/// <summary>
/// Dates and periods beyond the calendar, or beyond what date arithmetic can reach, are a 400 naming the parameter,
/// never a 500: every endpoint that takes a period or a day.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class OutOfRangeParameterTests(DashboardStore store) : ApiTestBase(store)
{
    [Theory]
    [InlineData("/api/query?metric=decision_volume&period=9999-W52&compare=previous", "period")]
    [InlineData("/api/query?metric=decision_volume&period=0001-01-01..0001-01-03&compare=previous", "period")]
    [InlineData("/api/query?metric=decision_volume&period=9999-12-31", "period")]
    [InlineData("/api/query?metric=decision_volume&period=last%2099999999%20days", "period")]
    [InlineData("/api/query?metric=decision_volume&period=last%202147483648%20weeks", "period")]
    [InlineData("/api/query?metric=decision_volume&period=2026-W99", "period")]
    [InlineData("/api/query?metric=decision_volume&asOf=0001-01-01", "asOf")]
    [InlineData("/api/query?metric=decision_volume&asOf=9999-12-31", "asOf")]
    [InlineData("/api/sql?metric=decision_volume&period=9999-W52&compare=last-year", "period")]
    [InlineData("/api/export.csv?metric=decision_volume&asOf=0001-01-01", "asOf")]
    [InlineData("/api/export.xlsx?metric=decision_volume&period=0001-01-01", "period")]
    [InlineData("/api/overview?period=9999-12", "period")]
    [InlineData("/api/overview?asOf=0001-01-01", "asOf")]
    [InlineData("/api/health?asOf=9999-12-31", "asOf")]
    [InlineData("/api/health?asOf=0001-01-01", "asOf")]
    [InlineData("/api/report?period=9999-W52", "period")]
    [InlineData("/api/report?asOf=0001-01-01", "asOf")]
    [InlineData("/api/query?metric=decision_volume&tz=..%2F..%2F..%2Fetc%2Fpasswd", "tz")]
    [InlineData("/api/alerts?tz=%2Fdev%2Fzero", "tz")]
    public async Task A_date_beyond_the_calendar_is_a_400_naming_the_parameter(string url, string parameter)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains($"'{parameter}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snoozing_until_a_day_beyond_the_calendar_is_a_400_naming_until()
    {
        // An alert that does not exist: the day is refused before the alert is looked up, and no stored alert changes.
        var id = (long)Scalar("SELECT max(alert_id) + 1000 FROM alerts");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{id}/status")
        {
            Content = JsonContent.Create(new { status = "snoozed", until = "9999-12-31" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DashboardStore.AnalystToken);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("until", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }
}
