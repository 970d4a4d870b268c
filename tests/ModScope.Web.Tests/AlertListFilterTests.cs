using System.Net;
using System.Text.Json;
using ModScope.Catalog;
using ModScope.Query;
using ModScope.Stats;
using ModScope.Web.Api;

namespace ModScope.Web.Tests;

/// <summary>
/// /api/alerts filters by severity, metric and market (each checked against the store with plain SQL), refuses an unknown
/// market naming the parameter, and speaks the request's language (segment names, messages); a degenerate interval says what it is.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AlertListFilterTests(DashboardStore store) : ApiTestBase(store)
{
    [Fact]
    public async Task Severity_metric_and_market_filters_keep_exactly_the_matching_alerts()
    {
        var critical = await GetJson("/api/alerts?severity=critical");
        Assert.Equal(Scalar("SELECT count(*) FROM alerts WHERE severity = 'critical'"), critical.GetArrayLength());

        var metric = Text("SELECT subject FROM alerts WHERE kind = 'metric' GROUP BY subject ORDER BY count(*) DESC, subject LIMIT 1");
        var byMetric = await GetJson($"/api/alerts?metric={metric}");
        Assert.Equal(Scalar($"SELECT count(*) FROM alerts WHERE subject = '{metric}'"), byMetric.GetArrayLength());

        var market = Text("SELECT regexp_extract(segment, 'market=([A-Z]+)', 1) AS m FROM alerts WHERE m <> '' GROUP BY m ORDER BY count(*) DESC, m LIMIT 1");
        var byMarket = await GetJson($"/api/alerts?market={market}&severity=warning");
        Assert.Equal(Scalar($"SELECT count(*) FROM alerts WHERE list_contains(string_split(segment, ';'), 'market={market}') AND severity = 'warning'"),
            byMarket.GetArrayLength());
        Assert.All(byMarket.EnumerateArray(), a => Assert.Contains($"market={market}", a.GetProperty("segment").GetString()!, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("market=XX", "market")]
    [InlineData("metric=qa_acuracy", "metric")]
    [InlineData("severity=high", "severity")]
    [InlineData("region=XX", "region")]
    [InlineData("period=2026-W99", "period")]
    public async Task An_unknown_filter_value_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var response = await Client.GetAsync($"/api/alerts?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_status_lists_every_status_the_list_takes_open_included()
    {
        // The overview's links ask for status=open: the refusal of a wrong one must offer it too.
        var response = await Client.GetAsync("/api/alerts?status=opened");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'opened' is not one of open, new, acknowledged, resolved, snoozed, suppressed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chinese_alerts_name_their_segments_and_say_what_they_found_in_chinese()
    {
        var zh = await GetJson("/api/alerts?lang=zh-Hans&kind=metric");
        var segmented = zh.EnumerateArray().First(a => a.GetProperty("segment").GetString()!.StartsWith("market=", StringComparison.Ordinal));
        var code = segmented.GetProperty("segment").GetString()!.Split(';')[0]["market=".Length..];
        var name = ModScope.Model.ReferenceData.Shipped.Markets.Last(m => m.Code == code).NameZh;
        Assert.StartsWith($"{name}市场", segmented.GetProperty("segmentName").GetString()!, StringComparison.Ordinal);
        // Every stored alert has its findings' structure, so no message falls back to English.
        Assert.All(zh.EnumerateArray(), a => Assert.DoesNotContain(" for ", a.GetProperty("message").GetString()!, StringComparison.Ordinal));
        Assert.All(zh.EnumerateArray(), a => Assert.Matches("[降升]至", a.GetProperty("message").GetString()!));
    }

    [Fact]
    public void An_alerts_explanation_names_its_root_causes_by_their_display_names_in_chinese()
    {
        // An explanation as the monitor stores it: a market and a market-and-site cause, a narrower alert, a mix/rate split.
        var explanation = new ModScope.Monitor.Explanation.AlertExplanation("qa_accuracy", "", new DateOnly(2026, 9, 14), new DateOnly(2026, 9, 16), 4, 0.90, 0.95,
            [
                new(new Dictionary<string, string> { ["market"] = "ID" }, 0.62, 0.88, 0.95, 0.88, 0.95),
                new(new Dictionary<string, string> { ["market"] = "TH", ["site"] = "BKK-ALPHA" }, 0.2, 0.9, 0.95, 0.9, 0.95),
            ],
            new ModScope.Monitor.Explanation.MixRateSplit("market", -0.05, -0.01, -0.04, []))
        {
            Within = [new("market=ID;decided_by=human", 0.87, 0.95, 5.2)],
        };
        var words = new ModScope.Monitor.Findings.FindingRenderer(Store.Catalog, ModScope.Model.ReferenceData.Shipped, "zh-Hans");

        var text = ExplanationText.Of(explanation, Store.Catalog, words);

        var markets = ModScope.Model.ReferenceData.Shipped.Markets;
        Assert.Equal($"{markets.Last(m => m.Code == "ID").NameZh}市场", text.Causes[0][0]);
        Assert.Equal($"{markets.Last(m => m.Code == "TH").NameZh}市场、BKK-ALPHA站点", text.Causes[1][0]);
        Assert.Equal(["62.0%", "88.00%", "95.00%"], text.Causes[0].Skip(1));
        Assert.StartsWith($"{markets.Last(m => m.Code == "ID").NameZh}市场、", text.Within[0][0], StringComparison.Ordinal);
        Assert.All(text.Causes.Concat(text.Within), row => Assert.DoesNotContain("=", row[0], StringComparison.Ordinal));
        Assert.Equal("根因", text.CauseHeaders[0]);
        Assert.Equal("2026年9月14日至2026年9月16日与此前4周的同期相比：现为90.00%，此前为95.00%。", text.Summary);
        // −5 points = −1 of mix + −4 of rate: mostly a rate change, in points and the market dimension's Chinese name.
        Assert.Equal("按市场：变化-5.00个百分点 = 结构-1.00个百分点 + 比率-4.00个百分点，主要是细分内部的比率变化。", text.MixRate);
    }

    [Fact]
    public void A_census_and_a_share_with_every_audit_one_way_say_what_their_interval_is()
    {
        var qa = Store.Catalog.Metric("qa_accuracy");
        var census = new MetricResult("qa_accuracy", null, new Dictionary<string, string?>(), 0.95, 95, 100, 100, new Interval(0.95, 0.95, 0.95, "census (no sampling error)"));
        Assert.Equal("exact: a census, no sampling error", QueryRow.IntervalText(census, qa, "en"));
        Assert.Equal("精确值：全量统计，无抽样误差", QueryRow.IntervalText(census, qa, "zh-Hans"));

        // 18 audits, all correct: the interval (82.47% – 100%) cannot reach above 100%, so it is one-sided.
        var perfect = new MetricResult("qa_accuracy", null, new Dictionary<string, string?>(), 1.0, 18, 18, 18, new Interval(0.8247, 1.0, 0.95, "Wilson"));
        Assert.Equal("82.47% – 100.00% (one-sided: all 18 sampled at 100.00%)", QueryRow.IntervalText(perfect, qa, "en"));
        Assert.Equal("82.47% – 100.00%（单侧区间：抽样的18条全部为100.00%）", QueryRow.IntervalText(perfect, qa, "zh-Hans"));

        var usual = new MetricResult("qa_accuracy", null, new Dictionary<string, string?>(), 0.9, 90, 100, 100, new Interval(0.8256, 0.9448, 0.95, "Wilson"));
        Assert.Equal("82.56% – 94.48%", QueryRow.IntervalText(usual, qa, "en"));
    }
}
