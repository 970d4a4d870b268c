using ModScope.Query;

namespace ModScope.Web.Tests;

/// <summary>
/// The dashboard's result cache: one computation per request until the data version moves; failures are not kept;
/// bounded by bytes, least recently used out first.
/// </summary>
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

    [Fact]
    public async Task Over_its_byte_budget_the_least_recently_used_answer_goes_first()
    {
        var answer = Answer(1000);
        var runs = new Dictionary<string, int>(StringComparer.Ordinal);
        // Room for two answers of this size, not three.
        var cache = new ResultCache(() => 1, maxBytes: ResultSize.Estimate(answer) * 5 / 2, versionCheck: TimeSpan.Zero);
        Task<IReadOnlyList<MetricResult>> Get(string market) => cache.GetOrRunAsync(Request($"market={market}"), () =>
        {
            runs[market] = runs.GetValueOrDefault(market) + 1;
            return Task.FromResult<IReadOnlyList<MetricResult>>(answer);
        });

        await Get("US");
        await Get("GB");
        await Get("US");
        await Get("DE");
        await Get("US");
        await Get("GB");

        Assert.Equal(1, runs["US"]);
        Assert.Equal(2, runs["GB"]);
        Assert.Equal(1, runs["DE"]);
        Assert.InRange(cache.Bytes, 2 * ResultSize.Estimate(answer), ResultSize.Estimate(answer) * 5 / 2);
    }

    [Fact]
    public async Task An_answer_larger_than_the_whole_budget_is_answered_but_not_kept()
    {
        var runs = 0;
        var big = Answer(2000);
        var cache = new ResultCache(() => 1, maxBytes: ResultSize.Estimate(big) / 2, versionCheck: TimeSpan.Zero);
        Task<IReadOnlyList<MetricResult>> Run()
        {
            runs++;
            return Task.FromResult<IReadOnlyList<MetricResult>>(big);
        }

        Assert.Same(big, await cache.GetOrRunAsync(Request(), Run));
        Assert.Same(big, await cache.GetOrRunAsync(Request(), Run));

        Assert.Equal(2, runs);
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public async Task Many_empty_answers_cannot_grow_the_cache_past_its_budget()
    {
        var cache = new ResultCache(() => 1, maxBytes: 64 * 1024, versionCheck: TimeSpan.Zero);

        for (var i = 0; i < 5000; i++)
        {
            await cache.GetOrRunAsync(Request($"market=M{i}"), () => Task.FromResult<IReadOnlyList<MetricResult>>([]));
        }

        Assert.InRange(cache.Bytes, 1, 64 * 1024);
    }

    /// <summary>Results as the metric query makes them: one per group, each group's dimensions in a dictionary of its own.</summary>
    private static List<MetricResult> Answer(int groups) =>
        Enumerable.Range(0, groups).Select(i => new MetricResult("qa_accuracy", null,
            new Dictionary<string, string?> { ["market"] = $"M{i:D4}" }, 0.9, 90, 100, 100, new ModScope.Stats.Interval(0.8, 0.95, 0.95, "wilson"))).ToList();
}
