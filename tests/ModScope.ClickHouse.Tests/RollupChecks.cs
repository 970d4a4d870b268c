using System.Globalization;
using ModScope.Catalog;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Stats;
using ModScope.Synthetic;
using ModScope.Tests.Query;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// The catalogue's rollups on ClickHouse, kept by the loader, in a database of the test's own: every catalogue metric ×
/// slicings (site by day for three markets; after the second load also policy by week for three markets (the overview's
/// "what changed" slice), everything by week, the merged read mode, and the monitor's slicings that only daily_mix holds:
/// decided_by for three markets, policy × decided_by; after the rebuild object_type and detection_source)
/// read from the rollup the door should choose equals the raw answer (<c>Exact</c>, the independent computation) to 1e-9, values and interval
/// bounds (quantiles from the sketch within its 1%), after a load of a later day with a re-delivery that moves
/// decisions (with their audits and appeals) to the next day (every day is compared, so the first load's build too);
/// a load without the catalogue leaves the rollup behind (raw, saying why) until a maintained load rebuilds it, through
/// an engine that names only one node (the others found from system.clusters).
/// Run on 18.16 (two shards, <see cref="RollupTests"/>) and 26.7 (<see cref="ModernRollupTests"/>).
/// </summary>
public abstract class RollupChecks(ParityDataFixture fixture)
{
    private static readonly DateTime First = GeneratorOptions.DefaultStart.ToDateTime(TimeOnly.MinValue);
    private const int Days = 5;
    private static readonly Period All = new(First, First.AddDays(Days + 1), "UTC", "all days");
    private readonly MetricCatalog _catalog = CatalogLoader.LoadDefault();

    [Fact]
    public async Task The_rollup_answers_as_raw_after_loads_and_a_replacing_redelivery_and_catches_up_after_an_unmaintained_load()
    {
        await using var database = await fixture.ScratchDatabaseAsync("rollup");
        var data = Path.Combine(fixture.Folder, "rollup-data");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days: Days, DecisionsPerDay: 120, Seed: 7));
        var last = First.AddDays(Days - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var files = Directory.GetFiles(data, "*.csv").Where(f => Path.GetFileName(f).Split('-')[0] is "decisions" or "qa_audits" or "appeals" or "staffing")
            .Order(StringComparer.Ordinal).ToList();
        var lastDay = files.Where(f => Path.GetFileName(f).Contains(last, StringComparison.Ordinal)).ToList();
        var loader = new ClickHouseLoader(database.Merged) { Catalog = _catalog };

        await loader.IngestAsync(files.Except(lastDay).ToList(), new IngestOptions());
        // The engine keeps the state while the cluster's files are unchanged (one cheap version read per request).
        var state = database.Final.Rollup("daily");
        Assert.True(state is not null && state.LoadId == state.LatestLoadId, "the first load's rollup is current");
        Assert.Same(state, database.Final.Rollup("daily"));
        // Each rollup has its own state, with its size from the parts of its tables (the door picks the smaller).
        Assert.True(state.Rows > 0 && database.Final.Rollup("daily_mix") is { Rows: > 0 } mix && mix.LoadId == state.LoadId,
            "both rollups are current after the first load, each with its rows counted");

        // The last day, and a re-delivery of the first day's decisions (a newer version of each, decided a day later).
        var redelivery = Redelivery(files.First(f => Path.GetFileName(f).StartsWith("decisions-", StringComparison.Ordinal)));
        var second = await loader.IngestAsync([.. lastDay, redelivery], new IngestOptions());
        Assert.True(second.Files.Single(f => f.Path == redelivery).RowsReplaced > 0, "the re-delivery replaces decisions");
        // A load through another engine (as another process) is seen by the files' version: the state is read again.
        Assert.True(database.Final.Rollup("daily") is { } after && after.LoadId > state.LoadId && after.LoadId == after.LatestLoadId, "the second load's state is read");
        var when = "after a load of a later day and a re-delivery that moved decisions to the next day";
        await Task.WhenAll(AssertParity(database.Final, when, BySite, ByPolicy, Overall, ByDecider, ByPolicyAndDecider), AssertParity(database.Merged, when, BySite));
        // Rows open at a bucket's end are read from the rollup's openings and closings, nothing raw.
        Assert.Equal("rollup daily", new MetricQuery(_catalog, database.Final).Plan(new MetricRequest(["backlog_end_of_period"], ["site"], TimeGrain.Day, [], All)).Answered);

        var request = new MetricRequest(["decision_volume"], ["market"], TimeGrain.Day, [], All);
        // Through the FINAL engine: it merges no partitions, and nothing is read without FINAL from here on.
        await new ClickHouseLoader(database.Final).IngestAsync([Redelivery(files.Last(f => Path.GetFileName(f).StartsWith("decisions-", StringComparison.Ordinal)))], new IngestOptions());
        Assert.Matches("^raw: rollup daily includes loads up to [0-9]+, the store has [0-9]+", new MetricQuery(_catalog, database.Final).Plan(request).Answered);
        Assert.StartsWith("raw: --exact", new MetricQuery(_catalog, database.Final).Plan(request with { Exact = true }).Answered, StringComparison.Ordinal);
        // Through an engine naming only the node it talks to: the loader finds the cluster's other nodes from system.clusters.
        await new ClickHouseLoader(database.Final) { Catalog = _catalog }
            .IngestAsync([Redelivery(files.First(f => Path.GetFileName(f).StartsWith("decisions-", StringComparison.Ordinal)), bump: 2)], new IngestOptions());
        await AssertParity(database.Final, "after a rebuild", BySite, ByPolicy, ByObjectType, BySource);
    }

    /// <summary>By site and day for three markets: every metric that has a site.</summary>
    private static readonly (string[] Dimensions, TimeGrain Grain, bool Filtered, bool Intervals) BySite = (["site"], TimeGrain.Day, true, false);

    /// <summary>By policy and week for three markets: every metric that has a policy (the overview's "what changed" slice).</summary>
    private static readonly (string[] Dimensions, TimeGrain Grain, bool Filtered, bool Intervals) ByPolicy = (["policy"], TimeGrain.Week, true, false);

    /// <summary>By who decided, by week, for three markets (daily_mix only).</summary>
    private static readonly (string[] Dimensions, TimeGrain Grain, bool Filtered, bool Intervals) ByDecider = (["decided_by"], TimeGrain.Week, true, false);

    /// <summary>By policy × who decided, by week: one of the monitor's pairs (daily_mix only).</summary>
    private static readonly (string[] Dimensions, TimeGrain Grain, bool Filtered, bool Intervals) ByPolicyAndDecider = (["policy", "decided_by"], TimeGrain.Week, false, false);

    /// <summary>By object type, by day (daily_mix only).</summary>
    private static readonly (string[] Dimensions, TimeGrain Grain, bool Filtered, bool Intervals) ByObjectType = (["object_type"], TimeGrain.Day, false, false);

    /// <summary>By detection source, with no grain (daily_mix only).</summary>
    private static readonly (string[] Dimensions, TimeGrain Grain, bool Filtered, bool Intervals) BySource = (["detection_source"], TimeGrain.None, false, false);

    /// <summary>
    /// Every metric, by week, with quantile intervals (from the sketch's order statistics; raw ranks every value, which
    /// by site and day costs seconds a request on 18.16, so only here).
    /// </summary>
    private static readonly (string[] Dimensions, TimeGrain Grain, bool Filtered, bool Intervals) Overall = ([], TimeGrain.Week, false, true);

    /// <summary>
    /// Each slicing's request of every metric that has its dimensions, with level errors (and the slicing's quantile
    /// intervals), from the rollup and raw (<c>--exact</c>), the slicings and both answers requested at once: values and
    /// bounds equal to 1e-9, and the quantiles read from the rollup's sketch (the plan reads none raw, and each row with a
    /// value carries the sketch's relative error: not raw values passed through) within that error, bounds included.
    /// </summary>
    private Task AssertParity(ClickHouseEngine engine, string when, params (string[] Dimensions, TimeGrain Grain, bool Filtered, bool Intervals)[] cases) =>
        Task.WhenAll(cases.Select(c => AssertParity(engine, when, c)));

    private async Task AssertParity(ClickHouseEngine engine, string when, (string[] Dimensions, TimeGrain Grain, bool Filtered, bool Intervals) slicing)
    {
        var query = new MetricQuery(_catalog, engine);
        var (dimensions, grain, filtered, intervals) = slicing;
        var metrics = _catalog.Metrics.Where(m => dimensions.All(m.Dimensions.Contains)).ToList();
        var request = new MetricRequest(metrics.Select(m => m.Id).ToList(), dimensions, grain, filtered ? [DimensionFilter.Parse("market=US,GB,ID")] : [], All)
        {
            LevelErrors = true,
            QuantileIntervals = intervals,
        };
        var label = $"{engine.Options.Url} ({(engine.Options.ReadFinal ? "FINAL" : "merged")}) {when}, by [{string.Join(",", dimensions)}]{(filtered ? " for US,GB,ID" : "")}, grain {grain}";
        var answered = query.Plan(request).Answered;
        RollupParity.AnsweredFrom(RollupParity.ExpectedRollup(_catalog, engine, dimensions, filtered ? ["market"] : []), answered, label);
        // The quantiles from the sketch (said approximate), none raw: neither for want of a sketch nor to rank their intervals.
        Assert.Contains("; quantiles approximate (log-bucket sketch", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("no sketch", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("rank raw", answered, StringComparison.Ordinal);
        var (exact, rollup) = (query.RunAsync(request with { Exact = true }), query.RunAsync(request));
        var (raw, rolled) = (await exact, await rollup);
        Assert.True(raw.Count > 0, label);
        RollupParity.AssertSame(raw, rolled, label);
        var quantiles = metrics.Where(m => m.Measure?.Quantile is not null).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(quantiles);
        var sketched = rolled.Where(r => quantiles.Contains(r.Metric) && r.Value is not null).ToList();
        Assert.True(sketched.Count > 0, $"{label}: no quantile with a value");
        Assert.All(sketched, r => Assert.True(r.RelativeError == LogBucketSketch.RelativeError,
            $"{label}: {r.Metric} {r.Bucket:yyyy-MM-dd} was not read from the sketch (relative error {r.RelativeError})"));
    }

    /// <summary>Forty of a decisions file's rows re-delivered a day later with a higher version (<see cref="RollupParity.Redelivery"/>).</summary>
    private string Redelivery(string decisions, int bump = 1) =>
        RollupParity.Redelivery(decisions, Path.Combine(fixture.Folder, $"decisions-rollup-{Path.GetFileNameWithoutExtension(decisions)}-v{bump}.csv"), rows: 40, bump);
}
