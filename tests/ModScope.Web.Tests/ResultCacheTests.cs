using ModScope.Query;

namespace ModScope.Web.Tests;

/// <summary>The dashboard's result cache: one computation per request until the data version moves; failures are not kept.</summary>
public sealed class ResultCacheTests
{
    private static readonly Period Week = new(new DateTime(2026, 9, 21), new DateTime(2026, 9, 28), "UTC", "last full week");

    private static MetricRequest Request(params string[] filters) =>
        new(["qa_accuracy"], ["market"], TimeGrain.None, filters.Select(DimensionFilter.Parse).ToList(), Week, Comparison.PreviousPeriod);

    [Fact]
    public async Task The_same_request_is_computed_once_while_the_data_version_stays()
    {
        var version = 1L;
        var runs = 0;
        var cache = new ResultCache(() => version, versionCheck: TimeSpan.Zero);
        Task<IReadOnlyList<MetricResult>> Run()
        {
            runs++;
            return Task.FromResult<IReadOnlyList<MetricResult>>([]);
        }

        await cache.GetOrRunAsync(Request("market=US"), Run);
        await cache.GetOrRunAsync(Request("market=US"), Run);
        Assert.Equal(1, runs);

        await cache.GetOrRunAsync(Request("market=GB"), Run);
        Assert.Equal(2, runs);

        version = 2;
        await cache.GetOrRunAsync(Request("market=US"), Run);
        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task A_failed_computation_is_not_kept()
    {
        var runs = 0;
        var cache = new ResultCache(() => 1, versionCheck: TimeSpan.Zero);
        Task<IReadOnlyList<MetricResult>> Fail()
        {
            runs++;
            return Task.FromException<IReadOnlyList<MetricResult>>(new InvalidOperationException("engine down"));
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrRunAsync(Request(), Fail));
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrRunAsync(Request(), Fail));
        Assert.Equal(2, runs);
    }

    [Fact]
    public void Keys_differ_by_every_part_of_the_request_but_not_by_the_period_label()
    {
        var request = Request("market=US");
        var keys = new[]
        {
            ResultCache.Key(request),
            ResultCache.Key(request with { Metrics = ["qa_accuracy", "sla_attainment"] }),
            ResultCache.Key(request with { Dimensions = ["site"] }),
            ResultCache.Key(request with { Grain = TimeGrain.Day }),
            ResultCache.Key(Request("market=US,GB")),
            ResultCache.Key(Request("market!=US")),
            ResultCache.Key(request with { Period = Week with { End = Week.End.AddDays(1) } }),
            ResultCache.Key(request with { Period = Week with { TimeZone = "Asia/Singapore" } }),
            ResultCache.Key(request with { Comparison = Comparison.None }),
            ResultCache.Key(request with { Confidence = 0.9 }),
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(ResultCache.Key(request), ResultCache.Key(request with { Period = Week with { Label = "2026-W39" } }));
    }
}
