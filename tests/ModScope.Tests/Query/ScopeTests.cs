using ModScope.Tests.Support;
using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Tests.Query;

/// <summary>
/// A scoped request answers the totals of its scope: each metric with a SEA scope equals the plain computation over the
/// decisions of SEA's markets (read from reference/markets.csv here, not through the store); a vendor's scope the
/// computation over its sites (reference/sites.csv); the request's own filters narrow within the scope, and a value
/// outside it is refused as unknown.
/// </summary>
[Collection(ParityCollection.Name)]
public sealed class ScopeTests(ParityFixture fixture)
{
    private static readonly Period Weeks = new(new DateTime(2026, 8, 31), new DateTime(2026, 9, 21), "UTC", "2026-08-31..2026-09-20");
    private static readonly AccessScope Sea = AccessScope.Parse("region=SEA");

    public static TheoryData<string> Metrics()
    {
        var data = new TheoryData<string>();
        foreach (var metric in CatalogLoader.LoadDefault().Metrics)
        {
            data.Add(metric.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Metrics))]
    public async Task A_region_scoped_total_equals_the_plain_total_of_the_regions_markets(string metric)
    {
        var sea = fixture.Plain.Region.Where(r => r.Value == "SEA").Select(r => r.Key).ToHashSet();

        var results = await fixture.Query.RunAsync(new MetricRequest([metric], [], TimeGrain.None, [], Weeks) { Scope = Sea });

        var expected = PlainMetrics.Compute(metric, fixture.Plain, Weeks.Start, Weeks.End, d => sea.Contains(d.Market), s => sea.Contains(s.Market));
        AssertClose(metric, expected, Assert.Single(results).Value);
    }

    [Theory]
    [MemberData(nameof(Metrics))]
    public async Task A_vendor_scope_keeps_the_vendors_sites_or_refuses_a_metric_without_sites(string metric)
    {
        var sites = File.ReadLines(RepoPaths.Combine("reference", "sites.csv")).Select(l => l.Split(',')).ToList();
        var vendor = Array.IndexOf(sites[0], "vendor");
        var alpha = sites.Skip(1).Where(r => r[vendor] == "Alpha Services").Select(r => r[0]).ToHashSet();
        Assert.NotEmpty(alpha);
        var request = new MetricRequest([metric], [], TimeGrain.None, [], Weeks) { Scope = AccessScope.Parse("vendor=Alpha Services") };

        if (!fixture.Catalog.Metric(metric).Dimensions.Contains("site"))
        {
            var error = await Assert.ThrowsAsync<MetricRequestException>(() => fixture.Query.RunAsync(request));
            Assert.Contains("scope", error.Message, StringComparison.Ordinal);
            return;
        }
        var results = await fixture.Query.RunAsync(request);

        var expected = PlainMetrics.Compute(metric, fixture.Plain, Weeks.Start, Weeks.End, d => d.Site is { } s && alpha.Contains(s), s => alpha.Contains(s.Site));
        AssertClose(metric, expected, Assert.Single(results).Value);
    }

    [Fact]
    public async Task A_scope_meets_the_requests_own_filters_as_an_intersection()
    {
        var inScope = new DimensionFilter("market", FilterOperator.In, ["ID"]);

        var results = await fixture.Query.RunAsync(new MetricRequest(["decision_volume"], ["market"], TimeGrain.None, [inScope], Weeks) { Scope = Sea });

        var expected = fixture.Plain.Decisions.Count(d => d.Market == "ID" && d.Decided >= Weeks.Start && d.Decided < Weeks.End);
        var row = Assert.Single(results);
        Assert.Equal("ID", row.Dimensions["market"]);
        Assert.Equal(expected, row.Value);
    }

    [Theory]
    [InlineData("market=GX", "GX")]
    [InlineData("market=ID,GB", "GB")]
    [InlineData("region=UK", "UK")]
    public void A_filter_outside_the_scope_is_unknown_and_its_near_matches_stay_inside_it(string filter, string unknown)
    {
        var request = new MetricRequest(["decision_volume"], [], TimeGrain.None, [DimensionFilter.Parse(filter)], Weeks) { Scope = Sea };

        var error = Assert.Throws<MetricRequestException>(() => fixture.Query.Plan(request));

        Assert.Contains($"'{unknown}' in the filter", error.Message, StringComparison.Ordinal);
        var suggestions = error.Message[error.Message.IndexOf("in the filter", StringComparison.Ordinal)..].Replace(filter, "", StringComparison.Ordinal);
        Assert.DoesNotContain("GB", suggestions, StringComparison.Ordinal);
        Assert.DoesNotContain("US", suggestions, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scope_naming_nothing_known_keeps_no_row()
    {
        var plan = fixture.Query.Plan(new MetricRequest(["decision_volume"], [], TimeGrain.None, [], Weeks) { Scope = AccessScope.Parse("region=Atlantis") });

        var filter = Assert.Single(plan.Request.Filters);
        Assert.Equal("market", filter.Dimension);
        Assert.Equal([""], filter.Values);
    }

    private static void AssertClose(string metric, double? expected, double? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{metric}: expected {expected}, got {actual}");
            return;
        }
        Assert.True(Math.Abs(expected.Value - actual.Value) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value)), $"{metric}: expected {expected:R}, got {actual:R}");
    }
}
