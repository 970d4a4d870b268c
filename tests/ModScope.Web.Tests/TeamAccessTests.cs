using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModScope.Query;
using static ModScope.Web.Tests.TeamRequests;

namespace ModScope.Web.Tests;

/// <summary>
/// A dashboard opened to a team (users configured): every endpoint of the OpenAPI document needs a signed-in user,
/// viewers cannot change anything, and a SEA-scoped user finds no other market's code, name or number in any answer,
/// while their totals equal a plain SQL count over SEA's markets (read from the shipped reference/markets.csv, not the store).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class TeamAccessTests(DashboardStore store) : IDisposable
{
    private const long NoAlert = 987654321;

    private readonly DashboardFactory _factory = new(store, store.Team);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_endpoint_needs_a_signed_in_user_and_pages_send_people_to_sign_in()
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var operations = await Operations(client, Basic(DashboardStore.AdminName));

        var open = new List<string>();
        foreach (var (method, path) in operations.Where(o => !o.Path.StartsWith("/api/session", StringComparison.Ordinal) && o.Path != "/api/labels"))
        {
            using var response = await Send(client, method, Url(path, NoAlert), null);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                open.Add($"{method} {path} → {(int)response.StatusCode}");
            }
        }
        using var page = await client.GetAsync("/explorer?lang=zh-Hans");
        using var signIn = await client.GetAsync("/signin");
        using var openApi = await client.GetAsync("/openapi/v1.json");

        Assert.True(operations.Count >= 15, $"only {operations.Count} operations");
        Assert.Empty(open);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin?return=%2Fexplorer%3Flang%3Dzh-Hans", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, openApi.StatusCode);
    }

    [Fact]
    public async Task A_viewers_post_is_forbidden_everywhere_but_the_session()
    {
        using var client = _factory.CreateClient();
        var viewer = Basic(DashboardStore.ViewerName, DashboardStore.ViewerPassword);
        var posts = (await Operations(client, viewer)).Where(o => o.Method == "post" && !o.Path.StartsWith("/api/session", StringComparison.Ordinal)).ToList();

        var statuses = new List<string>();
        foreach (var (method, path) in posts)
        {
            using var response = await Send(client, method, Url(path, NoAlert), viewer, """{"status":"acknowledged","label":"expected","text":"x"}""");
            statuses.Add($"{path} {(int)response.StatusCode}");
        }

        Assert.True(posts.Count >= 3, $"only {posts.Count} POST endpoints");
        Assert.All(statuses, s => Assert.EndsWith(" 403", s, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DashboardStore.SeaName)]
    [InlineData(DashboardStore.SeaAnalystName)]
    public async Task A_sea_scoped_user_finds_no_other_market_in_any_answer(string user)
    {
        using var client = _factory.CreateClient();
        var auth = Basic(user);
        var alerts = JsonDocument.Parse(await (await Send(client, "get", "/api/alerts", auth)).Content.ReadAsStringAsync()).RootElement;
        var alert = alerts.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).DefaultIfEmpty(NoAlert).First();
        var others = OtherMarkets();

        var leaks = new List<string>();
        var answered = 0;
        // Every GET but the UI's labels (fixed text, the same for everyone; the explorer's example filter names US).
        foreach (var (method, path) in (await Operations(client, auth)).Where(o => o.Method == "get" && o.Path != "/api/labels"))
        {
            var url = Url(path, alert) + (path is "/api/query" or "/api/sql" or "/api/export.csv" or "/api/export.xlsx"
                ? "?metric=decision_volume,qa_accuracy&by=market,queue,site&period=last%20full%20week" : path == "/api/report" ? "?format=md&audience=regional&region=SEA" : "");
            using var response = await Send(client, method, url, auth);
            var text = await Text(response);
            answered += response.IsSuccessStatusCode ? 1 : 0;
            leaks.AddRange(others.Where(o => o.Pattern.IsMatch(text)).Select(o => $"{url} ({(int)response.StatusCode}) names {o.Code}"));
        }

        Assert.True(answered >= 8, $"only {answered} endpoints answered");
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task A_sea_scoped_viewers_totals_are_seas_totals_by_a_plain_count()
    {
        using var client = _factory.CreateClient();
        var auth = Basic(DashboardStore.SeaName);
        var week = PeriodParser.Parse("last full week", "UTC", store.DataEnd);
        var sea = MarketRows().Select(l => l.Split(','))
            .Where(r => r[3] == "SEA").Select(r => $"'{r[0]}'").ToList();
        var expected = Scalar($"""
            SELECT count(*) FROM decisions WHERE market IN ({string.Join(',', sea)})
              AND decided_at >= TIMESTAMP '{week.Start:yyyy-MM-dd}' AND decided_at < TIMESTAMP '{week.End:yyyy-MM-dd}'
            """);
        var all = Scalar($"SELECT count(*) FROM decisions WHERE decided_at >= TIMESTAMP '{week.Start:yyyy-MM-dd}' AND decided_at < TIMESTAMP '{week.End:yyyy-MM-dd}'");

        var query = JsonDocument.Parse(await Text(await Send(client, "get", "/api/query?metric=decision_volume&period=last%20full%20week", auth))).RootElement;
        var overview = JsonDocument.Parse(await Text(await Send(client, "get", "/api/overview", auth))).RootElement;
        using var outside = await Send(client, "get", "/api/query?metric=decision_volume&filter=market=GB", auth);

        Assert.True(expected > 0 && expected < all, $"SEA {expected} of {all}");
        Assert.Equal(expected, query.GetProperty("rows")[0].GetProperty("value").GetDouble());
        var tile = overview.GetProperty("tiles").EnumerateArray().First(t => t.GetProperty("metric").GetString() == "decision_volume");
        Assert.Equal(expected, tile.GetProperty("current").GetProperty("value").GetDouble());
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
    }

    [Fact]
    public async Task A_cookie_session_signs_in_needs_its_anti_forgery_token_for_changes_and_locks_out_after_five_failures()
    {
        using var client = _factory.CreateClient();
        var anonymous = await client.GetFromJsonAsync<JsonElement>("/api/session");
        using var noToken = await client.PostAsJsonAsync("/api/session/signin", new { name = DashboardStore.AnalystName, password = DashboardStore.TeamPassword });
        using var signIn = await Post(client, "/api/session/signin", new { name = DashboardStore.AnalystName, password = DashboardStore.TeamPassword }, anonymous);
        var session = await client.GetFromJsonAsync<JsonElement>("/api/session");
        using var catalog = await client.GetAsync("/api/catalog");
        using var forged = await client.PostAsJsonAsync($"/api/alerts/{NoAlert}/label", new { label = "expected" });
        using var genuine = await Post(client, $"/api/alerts/{NoAlert}/label", new { label = "expected" }, session);

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(("kim", "analyst"), (session.GetProperty("name").GetString(), session.GetProperty("role").GetString()));
        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, genuine.StatusCode);

        using var other = _factory.CreateClient();
        var fresh = await other.GetFromJsonAsync<JsonElement>("/api/session");
        var refusals = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await Post(other, "/api/session/signin", new { name = DashboardStore.AdminName, password = $"guess-{i}" }, fresh);
            refusals.Add(wrong.StatusCode);
        }
        using var locked = await Post(other, "/api/session/signin", new { name = DashboardStore.AdminName, password = DashboardStore.TeamPassword }, fresh);

        Assert.All(refusals, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
    }

    [Fact]
    public async Task Viewers_see_moderators_as_stable_keyed_pseudonyms_and_analysts_see_their_ids()
    {
        using var client = _factory.CreateClient();
        const string Url = "/api/query?metric=human_decision_volume&by=moderator&period=last%20full%20week";

        var viewer = await Moderators(client, Basic(DashboardStore.ViewerName, DashboardStore.ViewerPassword));
        var again = await Moderators(client, Basic(DashboardStore.ViewerName, DashboardStore.ViewerPassword));
        var analyst = await Moderators(client, Basic(DashboardStore.AnalystName));
        using var filtered = await Send(client, "get", Url + "&filter=moderator=" + Uri.EscapeDataString(analyst.Keys.First()), Basic(DashboardStore.ViewerName, DashboardStore.ViewerPassword));

        // HMAC-SHA256 of each id under the configured key, computed here: the pseudonym is its first 12 hex digits.
        string Expected(string id) => "p-" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(DashboardStore.PseudonymKey), Encoding.UTF8.GetBytes(id)))[..12];
        Assert.True(analyst.Count > 10, $"{analyst.Count} moderators");
        Assert.Equal(analyst.ToDictionary(a => Expected(a.Key), a => a.Value).OrderBy(p => p.Key), viewer.OrderBy(p => p.Key));
        Assert.Equal(viewer, again);
        Assert.Empty(viewer.Keys.Intersect(analyst.Keys));
        Assert.Equal(HttpStatusCode.BadRequest, filtered.StatusCode);

        async Task<Dictionary<string, double>> Moderators(HttpClient c, AuthenticationHeaderValue auth)
        {
            var answer = JsonDocument.Parse(await Text(await Send(c, "get", Url, auth))).RootElement;
            return answer.GetProperty("rows").EnumerateArray()
                .ToDictionary(r => r.GetProperty("dimensions").GetProperty("moderator").GetString()!, r => r.GetProperty("value").GetDouble());
        }
    }

    [Fact]
    public async Task Each_export_leaves_an_audit_row_only_admins_read()
    {
        using var client = _factory.CreateClient();
        var url = "/api/export.csv?metric=decision_volume&by=market&period=last%20full%20week";
        using var first = await Send(client, "get", url, Basic(DashboardStore.SeaAnalystName));
        using var second = await Send(client, "get", url.Replace("csv", "xlsx", StringComparison.Ordinal), Basic(DashboardStore.SeaAnalystName));
        using var viewer = await Send(client, "get", "/api/audit", Basic(DashboardStore.SeaName));

        using var audit = await Send(client, "get", $"/api/audit?user={DashboardStore.SeaAnalystName}&action=export", Basic(DashboardStore.AdminName));
        var rows = JsonDocument.Parse(await audit.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden), (first.StatusCode, second.StatusCode, viewer.StatusCode));
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(("analyst", "GET", 200), (r.GetProperty("role").GetString(), r.GetProperty("method").GetString(), r.GetProperty("status").GetInt32())));
        Assert.Equal([url.Replace("csv", "xlsx", StringComparison.Ordinal), url], rows.Select(r => r.GetProperty("request").GetString()));
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string url, object body, JsonElement session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-Token", session.GetProperty("csrf").GetString());
        return await client.SendAsync(request);
    }

    private double Scalar(string sql)
    {
        using var connection = _factory.Services.GetService(typeof(Dashboard)) is Dashboard dashboard ? dashboard.Store.OpenConnection() : throw new InvalidOperationException("no dashboard");
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
