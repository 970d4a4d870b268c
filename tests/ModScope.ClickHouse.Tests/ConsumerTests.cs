using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ModScope.Monitor;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Calendar;
using ModScope.Monitor.Quality;
using ModScope.Monitor.Scan;
using ModScope.Query;
using ModScope.Rendering;
using ModScope.Reports;
using ModScope.Store;
using ModScope.Web;
using Xunit.Abstractions;
using ModScope.Web.Tests;
using static ModScope.Web.Tests.TeamRequests;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// The monitor, a report and the dashboard's query API give on the ClickHouse cluster what they give on DuckDB for
/// the same files: the numbers come through the engine, alerts from a local DuckDB store; a SEA-scoped viewer of a
/// ClickHouse-backed dashboard gets SEA's totals (by plain SQL), never the global ones, and a SEA analyst's SQL
/// metacharacters (the Web tests' ScopedFuzz) get a 400 or a SEA-only answer, never a 500.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConsumerTests(ConsumerData data, ITestOutputHelper output) : IClassFixture<ConsumerData>
{
    [Fact]
    public async Task Monitor_on_ClickHouse_opens_the_metric_alerts_of_the_monitor_on_DuckDB()
    {
        var backfill = 14; // four weeks of history, then two weeks judged, holding planted incidents
        var onDuckDb = await Runner(data.Store, data.DuckDb, dataEngine: null).RunAsync(data.LastDay, backfill);
        using var alertStore = ModScopeStore.Open(data.AlertStorePath);
        var onClickHouse = await Runner(alertStore, data.ClickHouse, data.ClickHouse).RunAsync(data.LastDay, backfill);

        // The watermark: the newest decision day (a hand-written query on the store) less the 36 h still arriving.
        var newest = (DateOnly)Scalar(data.Store, "SELECT max(decided_at)::DATE FROM decisions")!;
        Assert.Equal(newest.AddDays(-2), onClickHouse.Summary.Watermark);
        Assert.Equal(onDuckDb.Summary.Watermark, onClickHouse.Summary.Watermark);
        Assert.Equal((onDuckDb.WindowStart, onDuckDb.WindowEnd), (onClickHouse.WindowStart, onClickHouse.WindowEnd));
        Assert.Equal(onDuckDb.Summary.SeriesScanned, onClickHouse.Summary.SeriesScanned);

        var expected = MetricAlerts(data.Store);
        var actual = MetricAlerts(alertStore);
        Assert.NotEmpty(expected); // the planted incidents raise metric alerts
        Assert.Equal(expected.Select(a => a.Key), actual.Select(a => a.Key));
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal(want.Value!.Value, got.Value!.Value, 1e-9 * Math.Max(1, Math.Abs(want.Value.Value)));
        }
        // The data-quality checks ran on ClickHouse too, with the alerts they raise on DuckDB.
        Assert.Equal(DataAlerts(data.Store), DataAlerts(alertStore));
    }

    [Theory]
    [InlineData(ReportAudience.Exec, "en")]
    [InlineData(ReportAudience.Quality, "zh-Hans")]
    public async Task Report_on_ClickHouse_has_the_markdown_of_the_report_on_DuckDB(ReportAudience audience, string language)
    {
        var week = data.LastDay.AddDays(-6).ToDateTime(TimeOnly.MinValue);
        var scope = ReportScope.For(audience, new Period(week, week.AddDays(7), "UTC", "last week"));
        var alerts = new AlertStore(data.Store).List();

        var (expected, duckSql) = await MarkdownAsync(new MetricQuery(data.Catalog, data.DuckDb), scope, alerts, language);
        var (actual, clickHouseSql) = await MarkdownAsync(new MetricQuery(data.Catalog, data.ClickHouse), scope, alerts, language);

        Assert.Contains("|", expected, StringComparison.Ordinal); // a report with tables, not an empty one
        // Everything but the appendix's SQL, which is each engine's own: the ClickHouse report read the cluster.
        Assert.Equal(expected, actual);
        Assert.NotEmpty(clickHouseSql);
        Assert.All(clickHouseSql, sql => Assert.Contains("`decisions`", sql, StringComparison.Ordinal)); // ClickHouse quoting
        Assert.DoesNotContain(duckSql, sql => sql.Contains('`', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_query_api_on_ClickHouse_equals_DuckDB()
    {
        const string Url = "/api/query?metric=qa_accuracy,decision_volume,tat_p90_hours&by=region&period=last%20full%20week&compare=previous";
        var expected = await GetAsync(new DashboardOptions(data.StorePath), Url);
        var actual = await GetAsync(new DashboardOptions(data.AlertStorePath) { ClickHouse = data.ClickHouseOptions }, Url);

        // "last full week" is the data's last week on both: ClickHouse supplies the newest decision, not the empty alert store.
        Assert.Equal(data.LastDay.AddDays(-6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            expected.GetProperty("period").GetProperty("start").GetString()![..10]);
        Assert.Equal(expected.GetProperty("period").GetRawText(), actual.GetProperty("period").GetRawText());
        Assert.Equal(expected.GetProperty("comparisonPeriod").GetRawText(), actual.GetProperty("comparisonPeriod").GetRawText());
        var want = expected.GetProperty("rows").EnumerateArray().ToList();
        var got = actual.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(want.Count >= 15, "3 metrics × at least 5 regions");
        Assert.Equal(want.Count, got.Count);
        foreach (var (w, g) in want.Zip(got))
        {
            Assert.Equal(w.GetProperty("metric").GetString(), g.GetProperty("metric").GetString());
            Assert.Equal(w.GetProperty("dimensions").GetRawText(), g.GetProperty("dimensions").GetRawText());
            foreach (var field in new[] { "value", "comparisonValue", "lower", "upper" })
            {
                Close(Number(w, field), Number(g, field));
            }
        }
    }

    [Fact]
    public async Task A_sea_viewers_dashboard_on_ClickHouse_answers_only_sea_with_seas_totals()
    {
        var settings = SeaUserSettings("viewer");
        var auth = SeaAuth;
        var sea = ModScope.Model.ReferenceData.ReadText("markets").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1).Select(l => l.Split(',')).Where(r => r[3] == "SEA").Select(r => r[0]).ToList();
        var week = (Start: data.LastDay.AddDays(-6), End: data.LastDay.AddDays(1));
        // Plain SQL on the DuckDB store of the same files: SEA's decisions in the data's last full week.
        var expected = Convert.ToDouble(Scalar(data.Store, $"""
            SELECT count(*) FROM decisions WHERE market IN ({string.Join(',', sea.Select(m => $"'{m}'"))})
              AND decided_at >= TIMESTAMP '{week.Start:yyyy-MM-dd}' AND decided_at < TIMESTAMP '{week.End:yyyy-MM-dd}'
            """), System.Globalization.CultureInfo.InvariantCulture);
        var all = Convert.ToDouble(Scalar(data.Store, $"SELECT count(*) FROM decisions WHERE decided_at >= TIMESTAMP '{week.Start:yyyy-MM-dd}' AND decided_at < TIMESTAMP '{week.End:yyyy-MM-dd}'"),
            System.Globalization.CultureInfo.InvariantCulture);

        var total = await GetAsync(settings, "/api/query?metric=decision_volume&period=last%20full%20week", auth);
        var byMarket = await GetAsync(settings, "/api/query?metric=decision_volume&by=market&period=last%20full%20week", auth);
        var overview = await GetAsync(settings, "/api/overview", auth);

        Assert.True(expected > 0 && expected < all, $"SEA {expected} of {all}");
        Assert.Equal(week.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), total.GetProperty("period").GetProperty("start").GetString()![..10]);
        Assert.Equal(expected, total.GetProperty("rows")[0].GetProperty("value").GetDouble());
        var markets = byMarket.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("dimensions").GetProperty("market").GetString()!).ToList();
        Assert.NotEmpty(markets);
        Assert.All(markets, m => Assert.Contains(m, sea));
        var tile = overview.GetProperty("tiles").EnumerateArray().First(t => t.GetProperty("metric").GetString() == "decision_volume");
        Assert.Equal(expected, tile.GetProperty("current").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_sea_analyst_on_ClickHouse_finds_no_other_market_in_any_answer()
    {
        // An analyst, so exports, reports and SQL answer too (a viewer gets 403 there).
        using var factory = Factory(SeaUserSettings("analyst"));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = SeaAuth;
        // Every other market's code (as a JSON string, a filter value or an id prefix) and its English and Chinese name,
        // from the shipped reference/markets.csv read as plain CSV.
        var others = OtherMarkets();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var gets = document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out _) && p.Name != "/api/labels")
            .Select(p => p.Name).ToList();

        var leaks = new List<string>();
        var statuses = new List<string>();
        var lookups = new List<string>();
        foreach (var path in gets)
        {
            var url = path.Replace("{id}", "1", StringComparison.Ordinal) + (path is "/api/query" or "/api/sql" or "/api/export.csv" or "/api/export.xlsx"
                ? "?metric=decision_volume,qa_accuracy,sla_attainment&by=market,queue,site&period=last%20full%20week" : path == "/api/report" ? "?format=md&audience=regional&region=SEA" : "");
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            // JSON re-written without escapes so Chinese names show; the workbook export is compressed and not searched
            // (the CSV export carries the same rows).
            var body = await response.Content.ReadAsStringAsync();
            var text = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
                ? System.Text.Json.Nodes.JsonNode.Parse(body)?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? ""
                : body;
            statuses.Add($"{url} {(int)response.StatusCode}");
            if (text.Contains("transform(", StringComparison.Ordinal))
            {
                lookups.Add(url);
            }
            leaks.AddRange(others.Select(o => (o.Code, Match: o.Pattern.Match(text))).Where(o => o.Match.Success)
                .Select(o => $"{url} ({(int)response.StatusCode}) names {o.Code}: …{text.Substring(Math.Max(0, o.Match.Index - 80), Math.Min(160, text.Length - Math.Max(0, o.Match.Index - 80)))}…"));
        }

        Assert.True(statuses.Count(s => s.EndsWith(" 200", StringComparison.Ordinal)) >= 10, string.Join("\n", statuses));
        // The SQL shown (by /api/sql and the report's appendix) is searched too, reference lookups (a queue's SLA) included.
        Assert.Contains("/api/sql?metric=decision_volume,qa_accuracy,sla_attainment&by=market,queue,site&period=last%20full%20week", lookups);
        Assert.Contains("/api/report?format=md&audience=regional&region=SEA", lookups);
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public async Task Metacharacters_from_a_sea_analyst_on_ClickHouse_give_400_or_a_sea_only_answer_never_500()
    {
        var settings = SeaUserSettings("analyst");
        settings["ModScope:Limits:AuthenticationPermits"] = "1000000";
        settings["ModScope:Limits:ExpensiveQueue"] = "1000";
        using var factory = Factory(settings);
        using var client = factory.CreateClient();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (sent, refused, failures) = await ScopedFuzz.RunAsync(client, SeaAuth);

        output.WriteLine($"{sent} requests, {refused} refused with 400, in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(sent >= 1000, $"only {sent} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n{string.Join("\n", failures.Take(20))}");
    }

    /// <summary>Basic auth of the user `sea` of <see cref="SeaUserSettings"/>.</summary>
    private static System.Net.Http.Headers.AuthenticationHeaderValue SeaAuth => new("Basic", Convert.ToBase64String("sea:pw"u8.ToArray()));

    /// <summary>The dashboard with <paramref name="settings"/>, in this process.</summary>
    private static WebApplicationFactory<Program> Factory(IEnumerable<KeyValuePair<string, string?>> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    /// <summary>A ClickHouse-backed dashboard with one SEA-scoped user `sea` (password `pw`) of the role; the hash is made here
    /// in the users file's format (PBKDF2-SHA256, few iterations for speed: an old work factor still signs in).</summary>
    private Dictionary<string, string?> SeaUserSettings(string role)
    {
        var salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        var hash = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("pw"u8, salt, 1000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        return new Dictionary<string, string?>(new DashboardOptions(data.AlertStorePath) { ClickHouse = data.ClickHouseOptions }.ToSettings())
        {
            ["ModScope:Users"] = $"sea:{role}:pbkdf2$1000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}:region=SEA",
        };
    }

    private MonitorRunner Runner(ModScopeStore store, Query.IMetricEngine engine, Query.IMetricEngine? dataEngine) =>
        new(store, data.Catalog, new MetricQuery(data.Catalog, engine))
        {
            Calendar = EventCalendar.LoadDefault(ModScope.Model.ReferenceData.Shipped.Markets),
            Quality = QualitySettingsLoader.LoadDefault(),
            ExplainTop = 1,
            // The total, markets and sites (not every dimension and pair), to keep the test quick on one machine.
            Settings = new MonitorSettings { Dimensions = ["market", "site"], Pairs = [] },
            DataEngine = dataEngine,
        };

    private static List<(string Key, double? Value)> MetricAlerts(ModScopeStore store) =>
        new AlertStore(store).List().Where(a => a.Finding.Kind == AlertKind.Metric)
            .Select(a => ($"{a.Finding.Subject} [{a.Finding.Segment}] {a.Finding.FirstDay:yyyy-MM-dd}..{a.Finding.LastDay:yyyy-MM-dd}", a.Finding.Value))
            .OrderBy(a => a.Item1, StringComparer.Ordinal).ToList();

    private static List<string> DataAlerts(ModScopeStore store) =>
        new AlertStore(store).List().Where(a => a.Finding.Kind == AlertKind.Data)
            .Select(a => $"{a.Finding.Subject} [{a.Finding.Segment}] {a.Finding.FirstDay:yyyy-MM-dd}..{a.Finding.LastDay:yyyy-MM-dd} {a.Finding.Value}")
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>The report as Markdown without the appendix's SQL, and that SQL.</summary>
    private async Task<(string Markdown, List<string> Sql)> MarkdownAsync(MetricQuery query, ReportScope scope, IReadOnlyList<Alert> alerts, string language)
    {
        var builder = new ReportBuilder(data.Catalog, query);
        var document = builder.Compose(await builder.LoadAsync(scope, alerts), language, charts: false);
        var sql = document.Appendix.Sources.Select(s => s.Sql).OfType<string>().ToList();
        document = document with { Appendix = document.Appendix with { Sources = document.Appendix.Sources.Select(s => s with { Sql = null }).ToList() } };
        var path = Path.Combine(data.Folder, $"report-{Guid.NewGuid():N}.md");
        await ReportRenderer.WriteAsync(document, ReportFormat.Md, path);
        return (await File.ReadAllTextAsync(path), sql);
    }

    private static Task<JsonElement> GetAsync(DashboardOptions options, string url) => GetAsync(options.ToSettings(), url, null);

    private static async Task<JsonElement> GetAsync(IEnumerable<KeyValuePair<string, string?>> settings, string url, System.Net.Http.Headers.AuthenticationHeaderValue? auth)
    {
        using var factory = Factory(settings);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = auth;
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    private static object? Scalar(ModScopeStore store, string sql)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static void Close(double? expected, double? actual)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } w)
        {
            Assert.Equal(w, actual!.Value, 1e-9 * Math.Max(1, Math.Abs(w)));
        }
    }
}
