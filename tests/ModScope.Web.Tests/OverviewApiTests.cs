using System.Text.Json;
using ModScope.Query;

namespace ModScope.Web.Tests;

/// <summary>/api/overview: each tile is the metric request's answer for the period, its comparison and its weeks.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OverviewApiTests(DashboardStore store) : ApiTestBase(store)
{
    private static readonly string[] Core =
    [
        "decision_volume", "automation_rate", "qa_accuracy", "over_enforcement_rate", "under_enforcement_rate",
        "sla_attainment", "tat_p90_hours", "appeal_overturn_rate", "cost_per_decision",
    ];

    [Fact]
    public async Task Tiles_for_one_market_equal_the_metric_request_and_the_sparkline_its_twelve_weeks()
    {
        var answer = await GetJson("/api/overview?filter=market=GB");
        var filters = new[] { DimensionFilter.Parse("market=GB") };
        var current = await Query.RunAsync(new MetricRequest(Core, [], TimeGrain.None, filters, LastFullWeek, Comparison.PreviousPeriod));
        // Twelve ISO weeks up to the end of the last full week, counted by hand.
        var weeks = new Period(LastFullWeek.End.AddDays(-84), LastFullWeek.End, "UTC", "12 weeks");
        var spark = await Query.RunAsync(new MetricRequest(Core, [], TimeGrain.Week, filters, weeks));

        var tiles = answer.GetProperty("tiles").EnumerateArray().ToList();
        Assert.Equal(Core, tiles.Select(t => t.GetProperty("metric").GetString()));
        foreach (var tile in tiles)
        {
            var id = tile.GetProperty("metric").GetString()!;
            var want = current.Single(r => r.Metric == id);
            var got = tile.GetProperty("current");
            Close(want.Value, Number(got, "value"));
            Close(want.ComparisonValue, Number(got, "comparisonValue"));
            Close(want.Interval?.Lower, Number(got, "lower"));
            Assert.Equal(want.Significant == false ? "flat" : null, got.GetProperty("tone").GetString() == "flat" ? "flat" : null);
            var points = tile.GetProperty("sparkline").EnumerateArray().Select(p => Number(p, "value")).ToList();
            var weekly = spark.Where(r => r.Metric == id).ToList();
            Assert.Equal(weekly.Count, points.Count);
            foreach (var (week, point) in weekly.Zip(points))
            {
                Close(week.Value, point);
            }
            Close(Store.Catalog.Metric(id).Target, Number(tile, "target"));
        }
    }

    [Fact]
    public async Task The_decisions_tile_counts_the_decisions_of_the_week_and_the_open_alerts_are_counted()
    {
        var answer = await GetJson("/api/overview?filter=market=US");
        var week = LastFullWeek;
        var decisions = Scalar($"SELECT count(*) FROM decisions WHERE market = 'US' AND decided_at >= '{week.Start:yyyy-MM-dd}' AND decided_at < '{week.End:yyyy-MM-dd}'");
        var tile = answer.GetProperty("tiles").EnumerateArray().Single(t => t.GetProperty("metric").GetString() == "decision_volume");
        Assert.Equal(decisions, Number(tile.GetProperty("current"), "value"));

        var open = Scalar("SELECT count(*) FROM alerts WHERE status IN ('new', 'acknowledged')");
        Assert.Equal(open, answer.GetProperty("openAlerts").GetDouble());
    }

    [Fact]
    public async Task Chinese_tiles_carry_the_catalogue_names_and_chinese_dates()
    {
        var answer = await GetJson("/api/overview?lang=zh-Hans");
        var tile = answer.GetProperty("tiles")[0];
        Assert.Equal(Store.Catalog.Metric("decision_volume").Name.ZhHans, tile.GetProperty("name").GetString());
        Assert.Contains("年", answer.GetProperty("period").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, tile.GetProperty("current").GetProperty("value").ValueKind);
    }
}
