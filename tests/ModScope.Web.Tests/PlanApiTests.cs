using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModScope.Planning;
using ModScope.Planning.Forecasting;
using ModScope.Planning.Opportunities;
using ModScope.Planning.Workload;
using ModScope.Query;

namespace ModScope.Web.Tests;

/// <summary>
/// /api/plan and /api/opportunities (the Plan page): the planning library's answers on the same store, the scheduled
/// hours ahead recomputed from the staffing rows by hand, a SEA viewer's answers limited to SEA, and 400s naming the
/// parameter. Each planning answer costs seconds, so each test asks for few.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PlanApiTests(DashboardStore store) : ApiTestBase(store)
{
    private const int Horizon = 14;

    [Fact]
    public async Task Plan_and_opportunities_are_the_planning_librarys_and_scheduled_hours_are_each_sites_weekday_mean()
    {
        var plan = await GetJson($"/api/plan?by=market&horizon={Horizon}d");
        var opportunities = await GetJson($"/api/opportunities?horizon={Horizon}d");

        var dashboard = Factory.Services.GetRequiredService<Dashboard>();
        var reader = new PlanningReader(Query);
        var forecasts = new SeriesForecasts(reader, dashboard.Calendar);
        var metrics = PlanningMetrics.From(Store.Catalog.Roles);
        var settings = new ForecastSettings { HorizonDays = Horizon };
        var asOf = DateOnly.FromDateTime(Store.DataEnd.AddDays(-1));
        var expected = await forecasts.ForecastAsync(Store.Catalog.Roles.Volume, ["market"], [], settings, asOf, CancellationToken.None);
        var outcome = await new PlanBuilder(reader, forecasts, metrics).BuildAsync([], settings, new PlanningTargets(), asOf, CancellationToken.None);
        var found = await new OpportunityFinder(reader, new PlanBuilder(reader, forecasts, metrics), metrics).FindAsync([], settings, new OpportunitySettings(), asOf, CancellationToken.None);

        // The forecast: every market's points and bands.
        var series = plan.GetProperty("forecasts").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal(expected.Series.Select(s => s.Subject["market"]).Order(), series.Keys.Order());
        foreach (var s in expected.Series)
        {
            var points = series[s.Subject["market"]].GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(Horizon, points.Count);
            for (var i = 0; i < Horizon; i++)
            {
                Close(s.Forecast.Points[i].Value, Number(points[i], "value"));
                Close(s.Forecast.Points[i].Lower, Number(points[i], "lower"));
                Close(s.Forecast.Points[i].Upper, Number(points[i], "upper"));
            }
        }

        // Required against scheduled hours by site and day, and the days at risk.
        var sites = plan.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(outcome.Plan.Sites.Count, sites.Count);
        foreach (var (want, got) in outcome.Plan.Sites.Zip(sites))
        {
            Assert.Equal(want.Site, got.GetProperty("site").GetString());
            Close(want.RequiredScheduled, Number(got, "required"));
            Close(want.Scheduled, Number(got, "scheduled"));
            Assert.Equal(want.QueuesAtRisk > 0, got.GetProperty("atRisk").GetBoolean());
            Close(want.WorkScheduled, Number(got, "work"));
            Close(want.DeadlineExtra, Number(got, "extra"));
            // The live coverage apart from the deadline queues.
            Close(want.LiveRequired, Number(got, "liveRequired"));
            Close(want.LiveShort, Number(got, "liveShort"));
            Assert.Equal(want.LiveQueuesAtRisk > 0, got.GetProperty("liveAtRisk").GetBoolean());
        }
        var uncovered = outcome.Plan.Sites.Count(s => s.LiveQueuesAtRisk > 0);
        Assert.Contains(uncovered == 0 ? "every site-day has someone on duty" : $"on {uncovered} of {sites.Count} site-days", plan.GetProperty("liveSummary").GetString(), StringComparison.Ordinal);

        // Scheduled hours ahead, by hand: the site's scheduled hours on the same weekday over the last 28 days, over their
        // number, leaving out at sites with SEA work the 9.9 sale's window (catalog/events.yaml, mega_sale_9_9_2026:
        // SEA, lead 1 and lag 2 days, 8–11 September), the only event window in these 28 days.
        var nineNine = Enumerable.Range(8, 4).Select(d => new DateOnly(2026, 9, d)).ToHashSet();
        foreach (var got in sites.Where(s => s.GetProperty("day").GetString() is { } d && DateOnly.Parse(d, CultureInfo.InvariantCulture) <= asOf.AddDays(7)))
        {
            var day = DateOnly.Parse(got.GetProperty("day").GetString()!, CultureInfo.InvariantCulture);
            var site = got.GetProperty("site").GetString();
            var sea = Scalar($"SELECT count(*) FROM decisions WHERE site = '{site}' AND market IN ('ID', 'TH', 'MY', 'VN', 'PH', 'SG')") > 0;
            var usual = Enumerable.Range(0, 28).Select(o => asOf.AddDays(-o)).Where(d => d.DayOfWeek == day.DayOfWeek && !(sea && nineNine.Contains(d))).ToArray();
            var days = string.Join(", ", usual.Select(d => $"DATE '{d:yyyy-MM-dd}'"));
            var byHand = Scalar($"""
                SELECT coalesce(sum(scheduled_hours), 0) / {usual.Length}.0 FROM staffing
                WHERE site = '{site}' AND date IN ({days})
                """);
            Assert.Equal(byHand, Number(got, "scheduled")!.Value, 1e-6);
        }

        // The opportunities: the finder's, worth the most money a week first, each with its queries and an explorer view.
        var rows = opportunities.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(found.Count, rows.Count);
        var byKey = found.ToDictionary(o => Key(o.Subject, o.Kind.ToString()));
        foreach (var row in rows)
        {
            var subject = row.GetProperty("subject").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var want = byKey[Key(subject, Kind(row.GetProperty("kind").GetString()!))];
            Close(want.MoneyPerWeek, Number(row, "moneyPerWeek"));
            Close(want.HoursPerWeek, Number(row, "hoursPerWeek"));
            Close(want.Size.Low, Number(row, "low"));
            Close(want.Size.High, Number(row, "high"));
            Assert.Equal(want.Queries, row.GetProperty("queries").EnumerateArray().Select(q => q.GetString()));
            Assert.Equal(JsonValueKind.Object, row.GetProperty("explore").ValueKind);
        }
        var money = rows.Select(r => Number(r, "moneyPerWeek")!.Value).ToList();
        Assert.Equal(money.OrderByDescending(m => m), money);
    }

    [Fact]
    public async Task A_SEA_viewer_plans_only_SEA_and_bad_parameters_are_400s_naming_them()
    {
        using var factory = new DashboardFactory(Store, Store.Team);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = TeamRequests.Basic(DashboardStore.SeaName);
        var sea = ModScope.Model.ReferenceData.Shipped.Markets.Where(m => m.Region == "SEA").Select(m => m.Code).ToHashSet();
        var seaSites = Text("SELECT string_agg(DISTINCT site, ',') FROM staffing WHERE market IN ('" + string.Join("','", sea) + "')").Split(',').ToHashSet();

        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/plan?by=market&horizon=7d&lang=zh-Hans", Json);
        var markets = plan.GetProperty("forecasts").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(markets);
        Assert.All(markets, m => Assert.Contains(m, sea));
        Assert.All(plan.GetProperty("sites").EnumerateArray(), s => Assert.Contains(s.GetProperty("site").GetString()!, seaSites));
        var opportunities = await client.GetFromJsonAsync<JsonElement>("/api/opportunities?horizon=7d&lang=zh-Hans", Json);
        foreach (var row in opportunities.GetProperty("rows").EnumerateArray())
        {
            var subject = row.GetProperty("subject");
            if (subject.TryGetProperty("site", out var site) && site.GetString() != "(none)")
            {
                Assert.Contains(site.GetString()!, seaSites);
            }
            if (subject.TryGetProperty("market", out var market))
            {
                Assert.Contains(market.GetString()!, sea);
            }
        }
        // A market outside the scope is unknown to this viewer, as everywhere.
        await Refused(client, "/api/plan?filter=market=US", "filter");

        foreach (var (url, parameter) in new[]
        {
            ("/api/plan?by=site", "by"), ("/api/plan?horizon=9w", "horizon"), ("/api/opportunities?horizon=0", "horizon"),
            ("/api/opportunities?asOf=2026-02-30", "asOf"), ("/api/plan?lang=fr", "lang"), ("/api/opportunities?filter=market=XX", "filter"),
        })
        {
            await Refused(client, url, parameter);
        }
    }

    private static async Task Refused(HttpClient client, string url, string parameter)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    private static string Key(IReadOnlyDictionary<string, string> subject, string kind) =>
        kind + "|" + string.Join(";", subject.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));

    private static string Kind(string id) => id switch
    {
        "automation" => nameof(OpportunityKind.Automation),
        "site-productivity" => nameof(OpportunityKind.SiteProductivity),
        "handling-time" => nameof(OpportunityKind.HandlingTime),
        "qa-sampling" => nameof(OpportunityKind.QaSampling),
        "live-coverage" => nameof(OpportunityKind.LiveCoverage),
        _ => nameof(OpportunityKind.SlaRisk),
    };
}
