using ModScope.Query;

namespace ModScope.Web.Tests;

/// <summary>
/// The overview's "what changed" line and its links: the movements it names are changes a test found significant in
/// slices large enough to judge, worded with display names; a badge and the page's open-alert count link to an alert
/// list that holds exactly the alerts they count.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class OverviewChangesApiTests(DashboardStore store) : ApiTestBase(store)
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task What_changed_names_the_largest_significant_movements_with_their_segments(string lang)
    {
        var answer = await GetJson($"/api/overview?lang={lang}");

        var changes = answer.GetProperty("changes").EnumerateArray().ToList();
        // The generated weeks hold planted incidents, so the week has movements; the line is short.
        Assert.InRange(changes.Count, 1, 3);
        foreach (var change in changes)
        {
            var metric = Store.Catalog.Metric(change.GetProperty("metric").GetString()!);
            var dimension = change.GetProperty("dimension").GetString();
            var value = change.GetProperty("value").GetString();
            var text = change.GetProperty("text").GetString()!;
            // The same change asked for by hand: tested significant, in a slice with at least 200 audits or events.
            var rows = await Query.RunAsync(new MetricRequest([metric.Id], dimension is null ? [] : [dimension], TimeGrain.None, [], LastFullWeek, Comparison.PreviousPeriod));
            var row = rows.Single(r => dimension is null ? r.Dimensions.Count == 0 : r.Dimensions.GetValueOrDefault(dimension) == value);
            Assert.True(row.Significant, $"{metric.Id} {dimension}={value} is not a significant change");
            Assert.True((metric.Sampled ? row.SampleSize : metric.IsProportion ? row.Denominator : 200) >= 200);
            Assert.Contains(lang == "en" ? metric.Name.En : metric.Name.ZhHans, text, StringComparison.Ordinal);
            // Segments by their names, never as dimension=value.
            Assert.DoesNotContain("=", text, StringComparison.Ordinal);
            if (dimension == "market")
            {
                var market = ModScope.Model.ReferenceData.Shipped.Markets.Last(m => m.Code == value);
                Assert.Contains(lang == "en" ? market.NameEn : market.NameZh + "市场", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Badges_and_the_open_alert_count_link_to_an_alert_list_holding_what_they_count()
    {
        var period = "last 8 weeks";
        foreach (var place in new[] { "", "market=ID", "region=SEA" })
        {
            var overview = await GetJson($"/api/overview?period={Uri.EscapeDataString(period)}" + (place.Length == 0 ? "" : $"&filter={place}"));
            // The link's query, as the page writes it: status=open, the page's period and its market or region.
            var link = $"/api/alerts?status=open&period={Uri.EscapeDataString(period)}" + (place.Length == 0 ? "" : $"&{place}");
            var listed = (await GetJson(link)).EnumerateArray().ToList();
            Assert.Equal(overview.GetProperty("openAlerts").GetInt32(), listed.Count);
            foreach (var tile in overview.GetProperty("tiles").EnumerateArray().Where(t => t.GetProperty("openAlerts").GetInt32() > 0))
            {
                var metric = tile.GetProperty("metric").GetString();
                var forMetric = (await GetJson($"{link}&metric={metric}")).GetArrayLength();
                Assert.Equal(tile.GetProperty("openAlerts").GetInt32(), forMetric);
            }
            Assert.All(listed, a => Assert.Contains(a.GetProperty("status").GetString(), new[] { "new", "acknowledged", "snoozed" }));
            if (place == "region=SEA")
            {
                // Each names SEA or one of its markets (the shipped reference data's, read here).
                var sea = ModScope.Model.ReferenceData.Shipped.Markets.Where(m => m.Region == "SEA").Select(m => $"market={m.Code}").Append("region=SEA").ToHashSet();
                Assert.All(listed, a => Assert.Contains(a.GetProperty("segment").GetString()!.Split(';'), sea.Contains));
            }
        }
    }
}
