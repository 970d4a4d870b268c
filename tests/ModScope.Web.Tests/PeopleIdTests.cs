using System.Net;
using System.Text.RegularExpressions;
using static ModScope.Web.Tests.TeamRequests;

namespace ModScope.Web.Tests;

/// <summary>
/// People are pseudonymised for viewers everywhere: every moderator and auditor id in the store (read by plain SQL from
/// the columns named here, not from the schema's marks), searched for in the answer of every GET endpoint of the
/// OpenAPI document, asked by a viewer and a SEA-scoped viewer for per-moderator numbers, is found in none; an
/// analyst's answer to the same question holds them, so the search would see a leak.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PeopleIdTests(DashboardStore store) : IDisposable
{
    private const string PerPerson = "?metric=human_decision_volume,utilisation&by=moderator&period=last%20full%20week";

    private readonly DashboardFactory _factory = new(store, store.Team);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void The_schema_marks_every_person_column()
    {
        Assert.Equal(["auditor_id", "moderator_id"], ModScope.Model.EventSchema.PersonColumns.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(DashboardStore.ViewerName, DashboardStore.ViewerPassword)]
    [InlineData(DashboardStore.SeaName, DashboardStore.TeamPassword)]
    public async Task A_viewers_answers_from_every_endpoint_hold_no_raw_person_id(string user, string password)
    {
        using var client = _factory.CreateClient();
        var auth = Basic(user, password);
        var people = PersonIds();
        var pattern = new Regex($"(?<![\\w-])({string.Join('|', people.Select(Regex.Escape))})(?![\\w-])", RegexOptions.CultureInvariant);
        using var analystAnswer = await Send(client, "get", "/api/query" + PerPerson, Basic(DashboardStore.AnalystName));
        var alerts = System.Text.Json.JsonDocument.Parse(await Text(await Send(client, "get", "/api/alerts", auth))).RootElement;
        var alert = alerts.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).DefaultIfEmpty(987654321).First();

        var leaks = new List<string>();
        var answered = 0;
        foreach (var (method, path) in (await Operations(client, auth)).Where(o => o.Method == "get" && o.Path != "/api/labels"))
        {
            var url = Url(path, alert) + (path is "/api/query" or "/api/sql" or "/api/export.csv" or "/api/export.xlsx" ? PerPerson : path == "/api/report" ? "?format=md&audience=quality" : "");
            using var response = await Send(client, method, url, auth);
            answered += response.IsSuccessStatusCode ? 1 : 0;
            if (pattern.Match(await Text(response)) is { Success: true } match)
            {
                leaks.Add($"{url} ({(int)response.StatusCode}) shows {match.Value}");
            }
        }

        Assert.True(people.Count > 50, $"{people.Count} people");
        Assert.Equal(HttpStatusCode.OK, analystAnswer.StatusCode);
        Assert.Matches(pattern, await Text(analystAnswer));
        Assert.True(answered >= 8, $"only {answered} endpoints answered");
        Assert.Empty(leaks);
    }

    /// <summary>Every moderator and auditor id in the store's event tables.</summary>
    private List<string> PersonIds()
    {
        var dashboard = (Dashboard)_factory.Services.GetService(typeof(Dashboard))!;
        using var connection = dashboard.Store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT moderator_id FROM decisions WHERE moderator_id IS NOT NULL
            UNION SELECT auditor_id FROM qa_audits UNION SELECT moderator_id FROM staffing
            """;
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
