using ModScope.Query;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// The standard errors the monitor asks for (<see cref="MetricRequest.LevelErrors"/>: a count of values and a sum of
/// squares per mean or sum) come out of ClickHouse as out of DuckDB: the same intervals to 1e-9 relative.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LevelErrorParityTests(ClusterFixture fixture)
{
    private static readonly Period Days = new(new DateTime(2026, 8, 24), new DateTime(2026, 9, 3), "UTC", "2026-08-24..2026-09-02");

    [Theory]
    [InlineData("aht_seconds")]
    [InlineData("cost_per_decision")]
    [InlineData("decisions_per_productive_hour")]
    public async Task Intervals_of_means_sums_and_cross_source_ratios_match_DuckDB(string metric)
    {
        var request = new MetricRequest([metric], ["site"], TimeGrain.Day, [], Days) { LevelErrors = true };
        var expected = await fixture.Query(fixture.DuckDb).RunAsync(request);

        foreach (var engine in fixture.ClickHouseModes)
        {
            var actual = await fixture.Query(engine).RunAsync(request);

            ResultComparer.AssertSame(fixture.Catalog, expected, actual, $"{metric} by site by day on {engine.Dialect.Name}");
            Assert.Contains(expected, r => r.Interval is not null);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Interval is null, actual[i].Interval is null);
                if (expected[i].Interval is { } want && actual[i].Interval is { } got)
                {
                    Assert.Equal(want.Lower, got.Lower, 1e-9 * Math.Max(1, Math.Abs(want.Lower)));
                    Assert.Equal(want.Upper, got.Upper, 1e-9 * Math.Max(1, Math.Abs(want.Upper)));
                }
            }
        }
    }
}
