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

    [Theory]
    [InlineData("filter=market=ID", 0.97, 0.85)]  // ID's own QA target; its SLA target is its region's (SEA)
    [InlineData("filter=market=TH", 0.96, 0.85)]  // TH is in SEA: the region's targets
    [InlineData("filter=region=SEA", 0.96, 0.85)]
    public async Task A_tile_shows_its_segments_target(string query, double qaTarget, double slaTarget)
    {
        var answer = await GetJson($"/api/overview?{query}");

        var tiles = answer.GetProperty("tiles").EnumerateArray().ToDictionary(t => t.GetProperty("metric").GetString()!);
        Close(qaTarget, Number(tiles["qa_accuracy"], "target"));
        Close(slaTarget, Number(tiles["sla_attainment"], "target"));
        // A metric without a target row keeps the catalogue's.
        Close(Store.Catalog.Metric("automation_rate").Target, Number(tiles["automation_rate"], "target"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task A_previous_period_reaching_before_the_data_gives_the_decisions_tile_no_change_and_says_how_many_days_had_data(string lang)
    {
        var answer = await GetJson($"/api/overview?period=last%204%20weeks&lang={lang}");
        var period = PeriodParser.Parse("last 4 weeks", "UTC", Store.DataEnd);
        // The data's first day by hand-written SQL; the previous 28 days end where the period starts.
        var first = DateOnly.ParseExact(Text("SELECT strftime(min(decided_at), '%Y-%m-%d') FROM decisions"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var start = DateOnly.FromDateTime(period.Start);
        var covered = start.DayNumber - Math.Max(first.DayNumber, start.AddDays(-28).DayNumber);
        Assert.InRange(covered, 1, 27); // the store's 42 days reach into the previous 4 weeks, not through them

        var tiles = answer.GetProperty("tiles").EnumerateArray().ToDictionary(t => t.GetProperty("metric").GetString()!, t => t.GetProperty("current"));
        var volume = tiles["decision_volume"];
        var coverage = volume.GetProperty("coverage");
        Assert.Equal((covered, 28, 28, 28), (coverage.GetProperty("previousDaysWithData").GetInt32(), coverage.GetProperty("previousDays").GetInt32(),
            coverage.GetProperty("daysWithData").GetInt32(), coverage.GetProperty("days").GetInt32()));
        Assert.Equal(first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), coverage.GetProperty("firstDay").GetString());
        Assert.False(coverage.GetProperty("comparable").GetBoolean());
        Assert.Null(Number(volume, "relativeChange"));
        Assert.Contains(lang == "en" ? $"Not compared: the previous period has data for {covered} of 28 days" : $"不作比较：上一周期 28 天中仅有 {covered} 天有数据",
            volume.GetProperty("coverageFormatted").GetString(), StringComparison.Ordinal);
        // A share is compared on the days with data, and says so.
        var share = tiles["automation_rate"];
        Assert.True(share.GetProperty("coverage").GetProperty("comparable").GetBoolean());
        Assert.NotNull(Number(share, "absoluteChange"));
    }

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
            // Colour only for a tested, significant change: untested quantiles and cross-source ratios stay uncoloured.
            var tone = got.GetProperty("tone").GetString();
            Assert.Equal(want.Significant switch { null => "untested", false => "flat", true => "tested" },
                tone is "good" or "bad" or "neutral" ? "tested" : tone);
            // Target standing by hand: the interval's ends (or the value) against the target, by the metric's direction.
            var metric = Store.Catalog.Metric(id);
            if (metric.Target is { } target && want.Value is { } value)
            {
                bool Meets(double x) => metric.Direction == ModScope.Catalog.MetricDirection.HigherIsBetter ? x >= target : x <= target;
                var ends = new[] { want.Interval?.Lower ?? value, want.Interval?.Upper ?? value, value };
                var status = ends.All(Meets) ? "met" : ends.Any(Meets) ? "at-risk" : "missed";
                Assert.Equal(status, tile.GetProperty("targetStatus").GetString());
            }
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

        Assert.Equal(OpenIn("market=US", week), answer.GetProperty("openAlerts").GetDouble());
    }

    [Fact]
    public async Task Open_alerts_and_badges_count_only_the_pages_market_and_period()
    {
        var all = await GetJson("/api/overview");
        Assert.Equal(OpenIn(null, LastFullWeek), all.GetProperty("openAlerts").GetDouble());
        // Eight weeks, so the planted incidents' alerts fall in the period.
        var week = PeriodParser.Parse("last 8 weeks", "UTC", Store.DataEnd);
        // The market with the most open alerts in the week, and one with none: neither shows the other's.
        var busiest = Text($"SELECT s FROM (SELECT unnest(string_split(segment, ';')) AS s FROM alerts WHERE {Open(week)}) WHERE s LIKE 'market=%' GROUP BY s ORDER BY count(*) DESC, s LIMIT 1");
        var quiet = ModScope.Model.ReferenceData.Shipped.Markets.Select(m => $"market={m.Code}").First(m => OpenIn(m, week) == 0);
        var busy = await GetJson($"/api/overview?period=last%208%20weeks&filter={busiest}");
        var none = await GetJson($"/api/overview?period=last%208%20weeks&filter={quiet}");

        Assert.True(OpenIn(busiest, week) > 0);
        Assert.Equal(OpenIn(busiest, week), busy.GetProperty("openAlerts").GetDouble());
        Assert.Equal(0, none.GetProperty("openAlerts").GetInt32());
        Assert.All(none.GetProperty("tiles").EnumerateArray(), t => Assert.Equal(0, t.GetProperty("openAlerts").GetInt32()));
        var badges = busy.GetProperty("tiles").EnumerateArray().Sum(t => t.GetProperty("openAlerts").GetInt32());
        Assert.Equal(Scalar($"SELECT count(*) FROM alerts WHERE {Open(week)} AND list_contains(string_split(segment, ';'), '{busiest}') AND subject IN (SELECT unnest(['{string.Join("','", Core)}']))"), badges);
    }

    [Fact]
    public async Task The_overview_says_through_which_day_the_data_is_complete()
    {
        var answer = await GetJson("/api/overview?lang=zh-Hans");

        var newest = Text("SELECT strftime(max(decided_at)::DATE, '%Y-%m-%d') FROM decisions");
        Assert.Equal(newest, answer.GetProperty("dataThrough").GetString());
        var day = DateOnly.ParseExact(newest, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"{day.Year}年{day.Month}月{day.Day}日", answer.GetProperty("dataThroughText").GetString());
        // Complete through the day the decisions' freshness threshold allows, as data health says: 36 hours in
        // catalog/monitors.yaml, so the last two days may still receive decisions.
        var complete = day.AddDays(-2);
        Assert.Equal(complete.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), answer.GetProperty("dataCompleteThrough").GetString());
        Assert.Equal($"{complete.Year}年{complete.Month}月{complete.Day}日", answer.GetProperty("dataCompleteThroughText").GetString());
        var health = await GetJson("/api/health?lang=zh-Hans");
        var decisions = health.GetProperty("sources").EnumerateArray().Single(f => f.GetProperty("source").GetString() == "decisions");
        Assert.Equal(decisions.GetProperty("completeThrough").GetString(), answer.GetProperty("dataCompleteThrough").GetString());
    }

    /// <summary>Open (new or acknowledged, or snoozed past its day) alerts whose days overlap the week, in a market when given: counted in SQL.</summary>
    private double OpenIn(string? place, Period week) =>
        Scalar($"SELECT count(*) FROM alerts WHERE {Open(week)}" + (place is null ? "" : $" AND list_contains(string_split(segment, ';'), '{place}')"));

    private static string Open(Period week) =>
        "(status IN ('new', 'acknowledged') OR (status = 'snoozed' AND snoozed_until < (SELECT max(decided_at)::DATE + 1 FROM decisions)))" +
        $" AND first_day <= DATE '{week.End.AddDays(-1):yyyy-MM-dd}' AND last_day >= DATE '{week.Start:yyyy-MM-dd}'";

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
