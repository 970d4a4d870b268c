using ModScope.Tests.Support;
using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Store;
using ModScope.Synthetic;

namespace ModScope.Tests.Query;

/// <summary>Generates, ingests and reads back one small data set shared by the parity tests.</summary>
public sealed class ParityFixture : IDisposable
{
    public ParityFixture()
    {
        Folder = Directory.CreateTempSubdirectory("modscope-parity-").FullName;
        var data = Path.Combine(Folder, "data");
        SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days: 35, DecisionsPerDay: 1500, Seed: 11)).GetAwaiter().GetResult();
        Store = ModScopeStore.Open(Path.Combine(Folder, "store.duckdb"));
        new Ingestor(Store).IngestAsync([data], new IngestOptions()).GetAwaiter().GetResult();
        Catalog = CatalogLoader.LoadDefault();
        Engine = new DuckDbEngine(Store);
        Query = new MetricQuery(Catalog, Engine);
        Plain = new PlainData(data, RepoPaths.Combine("reference"));
    }

    public string Folder { get; }
    public ModScopeStore Store { get; }
    public MetricCatalog Catalog { get; }
    public DuckDbEngine Engine { get; }
    public MetricQuery Query { get; }
    public PlainData Plain { get; }

    public void Dispose()
    {
        Engine.Dispose();
        Store.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>The parity data set is generated and loaded once for every class that reads it.</summary>
[CollectionDefinition(Name)]
public sealed class ParityCollection : ICollectionFixture<ParityFixture>
{
    public const string Name = "parity data set";
}

/// <summary>
/// Every catalogue metric, over three slicings (total; by market; by region with a market filter) and two
/// grains (whole period; ISO week), equals the plain computation over the same files: counts exactly,
/// everything else to 1e-9 relative.
/// </summary>
[Collection(ParityCollection.Name)]
public sealed class MetricParityTests(ParityFixture fixture)
{
    // Three whole ISO weeks inside the generated 35 days (2026-08-24 .. 2026-09-27), ending before the data
    // does, so items are still open at the period's end.
    private static readonly Period Weeks = new(new DateTime(2026, 8, 31), new DateTime(2026, 9, 21), "UTC", "2026-08-31..2026-09-20");
    private static readonly string[] Markets = ["US", "GB", "ID"];

    public static TheoryData<string, TimeGrain> Cases()
    {
        var data = new TheoryData<string, TimeGrain>();
        foreach (var metric in CatalogLoader.LoadDefault().Metrics)
        {
            data.Add(metric.Id, TimeGrain.None);
            data.Add(metric.Id, TimeGrain.Week);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Metric_equals_the_plain_computation_in_total(string metric, TimeGrain grain)
    {
        var results = await fixture.Query.RunAsync(new MetricRequest([metric], [], grain, [], Weeks));

        AssertMatches(metric, grain, results, _ => _ => true, _ => _ => true);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Metric_equals_the_plain_computation_by_market(string metric, TimeGrain grain)
    {
        var results = await fixture.Query.RunAsync(new MetricRequest([metric], ["market"], grain, [], Weeks));

        AssertMatches(metric, grain, results, r => d => d.Market == r.Dimensions["market"], r => s => s.Market == r.Dimensions["market"]);
        if (fixture.Catalog.Metric(metric).Kind == MetricKind.Measure && metric == "decision_volume" && grain == TimeGrain.None)
        {
            Assert.Equal(fixture.Plain.Decisions.Where(d => d.Decided >= Weeks.Start && d.Decided < Weeks.End).Select(d => d.Market).Distinct().Order(),
                results.Select(r => r.Dimensions["market"]).Order());
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Metric_equals_the_plain_computation_by_region_with_a_market_filter(string metric, TimeGrain grain)
    {
        var filter = new DimensionFilter("market", FilterOperator.In, Markets);

        var results = await fixture.Query.RunAsync(new MetricRequest([metric], ["region"], grain, [filter], Weeks));

        var regions = fixture.Plain.Region;
        AssertMatches(metric, grain, results,
            r => d => Markets.Contains(d.Market) && regions[d.Market] == r.Dimensions["region"],
            r => s => Markets.Contains(s.Market) && regions[s.Market] == r.Dimensions["region"]);
        Assert.All(results, r => Assert.Contains(r.Dimensions["region"], new[] { "US", "UK", "SEA" }));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Metric_equals_the_plain_computation_by_market_with_a_region_filter(string metric, TimeGrain grain)
    {
        // region is looked up from the market: filtering on it must join the lookup in every kind of statement.
        var filter = new DimensionFilter("region", FilterOperator.Equals, ["SEA"]);

        var results = await fixture.Query.RunAsync(new MetricRequest([metric], ["market"], grain, [filter], Weeks));

        var regions = fixture.Plain.Region;
        AssertMatches(metric, grain, results,
            r => d => regions[d.Market] == "SEA" && d.Market == r.Dimensions["market"],
            r => s => regions[s.Market] == "SEA" && s.Market == r.Dimensions["market"]);
    }

    [Theory]
    [InlineData("Asia/Singapore")]   // fixed offset: shifted in SQL
    [InlineData("America/Santiago")] // daylight saving starts on 2026-09-06: converted per row
    public async Task Daily_buckets_follow_the_local_calendar_of_the_requested_time_zone(string zone)
    {
        var period = new Period(new DateTime(2026, 8, 31), new DateTime(2026, 9, 21), zone, "3 weeks");
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);

        var results = await fixture.Query.RunAsync(new MetricRequest(["decision_volume"], [], TimeGrain.Day, [], period));

        var expected = fixture.Plain.Decisions
            .Select(d => TimeZoneInfo.ConvertTimeFromUtc(d.Decided, tz))
            .Where(local => local >= period.Start && local < period.End)
            .GroupBy(local => local.Date)
            .ToDictionary(g => g.Key, g => (double)g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), results.Select(r => new KeyValuePair<DateTime, double>(r.Bucket!.Value, r.Value!.Value)));
    }

    [Fact]
    public async Task Backlog_at_a_day_end_the_clocks_skip_is_taken_when_the_clocks_jump()
    {
        // Santiago skips 2026-09-06 00:00–01:00 local (UTC−4 → UTC−3): the end of 5 September is 04:00 UTC.
        var period = new Period(new DateTime(2026, 9, 4), new DateTime(2026, 9, 7), "America/Santiago", "3 days");

        var results = await fixture.Query.RunAsync(new MetricRequest(["backlog_end_of_period"], [], TimeGrain.Day, [], period));

        var ends = new[] { new DateTime(2026, 9, 5, 4, 0, 0), new DateTime(2026, 9, 6, 4, 0, 0), new DateTime(2026, 9, 7, 3, 0, 0) };
        var expected = ends.Select(end => (double)fixture.Plain.Decisions.Count(d => d.By == "human" && d.Created < end && d.Decided >= end));
        Assert.Equal(expected, results.Select(r => r.Value ?? double.NaN));
    }

    [Fact]
    public async Task Backlog_by_site_and_day_lists_exactly_the_sites_with_rows_open_at_the_day_end()
    {
        // A site appears on a day when any of its rows is open at the day's end, with its human rows counted; a site
        // whose backlog carries over a day without new or closed rows keeps its count.
        var results = await fixture.Query.RunAsync(new MetricRequest(["backlog_end_of_period"], ["site"], TimeGrain.Day, [], Weeks));

        var expected = new List<(DateTime Day, string? Site, double Open)>();
        for (var day = Weeks.Start; day < Weeks.End; day = day.AddDays(1))
        {
            var end = day.AddDays(1);
            expected.AddRange(fixture.Plain.Decisions.Where(d => d.Created < end && d.Decided >= end).GroupBy(d => d.Site)
                .Select(g => (day, g.Key, (double)g.Count(d => d.By == "human"))));
        }
        Assert.True(expected.Count > 21, "the data set has open rows at most day ends");
        Assert.Equal(expected.OrderBy(e => e.Day).ThenBy(e => e.Site, StringComparer.Ordinal),
            results.Select(r => (r.Bucket!.Value, r.Dimensions["site"], r.Value!.Value)).OrderBy(e => e.Item1).ThenBy(e => e.Item2, StringComparer.Ordinal));
    }

    private void AssertMatches(string metric, TimeGrain grain, IReadOnlyList<MetricResult> results,
        Func<MetricResult, Func<PlainData.Dec, bool>> decisions, Func<MetricResult, Func<PlainData.Staff, bool>> staffing)
    {
        Assert.NotEmpty(results);
        var isCount = fixture.Catalog.Metric(metric) is { Kind: MetricKind.Measure, Measure.Aggregate: AggregateFunction.Count or AggregateFunction.OpenAtEnd };
        foreach (var result in results)
        {
            var (from, to) = grain == TimeGrain.None ? (Weeks.Start, Weeks.End) : (result.Bucket!.Value, result.Bucket!.Value.AddDays(7));
            var expected = PlainMetrics.Compute(metric, fixture.Plain, from, to, decisions(result), staffing(result));
            var where = $"{metric} {result.Bucket:yyyy-MM-dd} {string.Join(",", result.Dimensions.Values)}";
            if (expected is null || result.Value is null)
            {
                Assert.True(expected is null && result.Value is null, $"{where}: expected {expected}, got {result.Value}");
            }
            else if (isCount)
            {
                Assert.True(expected.Value == result.Value.Value, $"{where}: expected {expected}, got {result.Value}");
            }
            else
            {
                Assert.True(Math.Abs(expected.Value - result.Value.Value) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value)),
                    $"{where}: expected {expected:R}, got {result.Value:R}");
            }
        }
    }
}
