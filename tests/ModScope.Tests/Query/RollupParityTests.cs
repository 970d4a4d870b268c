using System.Globalization;
using System.Text.RegularExpressions;
using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Query.Rollups;
using ModScope.Stats;
using ModScope.Store;
using ModScope.Synthetic;
using ModScope.Tests.Support;

namespace ModScope.Tests.Query;

/// <summary>
/// Every catalogue metric × slicings (none, market, region, queue, site, policy, decided_by, object_type,
/// detection_source, policy × decided_by, a market filter) × grains (none, day, week), answered from the smallest rollup
/// that covers the slicing (<c>daily</c> or <c>daily_mix</c>), equals the raw answer (<c>Exact</c>, the independent computation) to 1e-9, values and
/// interval bounds, at each step of a store's life: a first load, a later load of new days, a re-delivery that replaces
/// decisions with a newer version on another day, and a load that fails and is rolled back.
/// </summary>
public sealed partial class RollupParityTests : IDisposable
{
    private static readonly DateTime First = GeneratorOptions.DefaultStart.ToDateTime(TimeOnly.MinValue);
    private const int Days = 10;
    private static readonly Period All = new(First, First.AddDays(Days + 1), "UTC", "all days");

    private readonly string _folder = Directory.CreateTempSubdirectory("modscope-rollup-").FullName;
    private readonly ModScopeStore _store;
    private readonly DuckDbEngine _engine;
    private readonly MetricCatalog _catalog = CatalogLoader.LoadDefault();
    private readonly MetricQuery _query;

    public RollupParityTests()
    {
        _store = ModScopeStore.Open(Path.Combine(_folder, "store.duckdb"));
        _engine = new DuckDbEngine(_store);
        _query = new MetricQuery(_catalog, _engine);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_rollup_answers_as_raw_after_loads_a_replacing_redelivery_and_a_rolled_back_load()
    {
        var data = Path.Combine(_folder, "data");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days: Days, DecisionsPerDay: 150, Seed: 5));
        var files = Directory.GetFiles(data).Where(f => Tables().IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList();
        var late = First.AddDays(Days - 4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        bool IsLate(string f) => DateIn().Match(Path.GetFileName(f)) is { Success: true } m && string.CompareOrdinal(m.Value, late) >= 0;
        var ingestor = new Ingestor(_store) { Maintenance = new RollupMaintainer(_catalog) };

        await ingestor.IngestAsync(files.Where(f => !IsLate(f)).ToList(), new IngestOptions());
        await AssertParity("after a first load");

        await ingestor.IngestAsync(files.Where(IsLate).ToList(), new IngestOptions());
        await AssertParity("after a load of later days");

        var replaced = await ingestor.IngestAsync([Redelivery(files.First(f => Path.GetFileName(f).StartsWith("decisions-", StringComparison.Ordinal)))], new IngestOptions());
        Assert.True(replaced.Files.Sum(f => f.RowsReplaced) > 0, "the re-delivery replaces decisions");
        await AssertParity("after a re-delivery that moved decisions to the next day");

        var before = await _query.RunAsync(Request([.. _catalog.Metrics.Select(m => m.Id)], [], TimeGrain.Day));
        // Replacing rows again, then a row with an unknown verdict: --strict fails the load, which is rolled back.
        var bad = RollupParity.BrokenVerdict(Redelivery(files.First(f => Path.GetFileName(f).StartsWith("decisions-", StringComparison.Ordinal)), 2),
            Path.Combine(_folder, "decisions-zz-bad.csv"));
        await Assert.ThrowsAsync<IngestException>(() => ingestor.IngestAsync([bad], new IngestOptions(Strict: true)));
        await AssertParity("after a rolled-back load");
        var after = await _query.RunAsync(Request([.. _catalog.Metrics.Select(m => m.Id)], [], TimeGrain.Day));
        RollupParity.AssertSame(before, after, "the rolled-back load changed nothing");
    }

    [Fact]
    public async Task A_load_without_maintenance_or_another_catalogue_is_answered_raw_until_a_load_rebuilds_the_rollup()
    {
        var data = Path.Combine(_folder, "small");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days: 3, DecisionsPerDay: 100, Seed: 3, Incidents: false));
        var files = Directory.GetFiles(data).Where(f => Tables().IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList();
        // By queue: only daily holds it.
        var request = Request(["decision_volume", "aht_seconds"], ["queue"], TimeGrain.Day);
        Assert.Equal("raw: the store has no rollup daily (built at the next load); the store has no rollup daily_mix (built at the next load)", _query.Plan(request).Answered);

        var last = First.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lastDecisions = files.Single(f => Path.GetFileName(f).StartsWith("decisions-" + last, StringComparison.Ordinal));
        var rest = files.Where(f => f.Contains(last, StringComparison.Ordinal) && f != lastDecisions).ToList();
        await new Ingestor(_store) { Maintenance = new RollupMaintainer(_catalog) }.IngestAsync(files.Except(rest).Except([lastDecisions]).ToList(), new IngestOptions());
        Assert.Equal("rollup daily", _query.Plan(request).Answered);
        Assert.StartsWith("raw: --exact", _query.Plan(request with { Exact = true }).Answered, StringComparison.Ordinal);
        Assert.StartsWith("raw: grain hour", _query.Plan(request with { Grain = TimeGrain.Hour }).Answered, StringComparison.Ordinal);
        // No rollup holds it: each one's reason.
        Assert.Equal("raw: dimension 'verdict' is not in rollup daily; dimension 'verdict' is not in rollup daily_mix",
            _query.Plan(request with { Dimensions = ["verdict"] }).Answered);
        Assert.Equal("raw: dimension 'decided_by' is not in rollup daily; dimension 'queue' is not in rollup daily_mix",
            _query.Plan(request with { Dimensions = ["decided_by", "queue"] }).Answered);
        Assert.StartsWith("raw: the period is not whole days", _query.Plan(request with { Period = All with { End = All.End.AddHours(-1) } }).Answered, StringComparison.Ordinal);

        var other = CatalogLoader.Parse(File.ReadAllText(RepoPaths.Combine("catalog", "core-index.yaml"))
            .Replace("dimensions: [market, region, queue, site, policy]", "dimensions: [market, region, queue]", StringComparison.Ordinal), "other.yaml");
        Assert.StartsWith("raw: rollup daily was built for another catalogue", new MetricQuery(other, _engine).Plan(request).Answered, StringComparison.Ordinal);

        await new Ingestor(_store).IngestAsync([lastDecisions], new IngestOptions());
        Assert.Matches("^raw: rollup daily includes loads up to 1, the store has 2", _query.Plan(request).Answered);

        await new Ingestor(_store) { Maintenance = new RollupMaintainer(_catalog) }.IngestAsync(rest, new IngestOptions());
        Assert.Equal("rollup daily", _query.Plan(request).Answered);
        await AssertParity("after a rebuild");

        // Between rollups that both hold a request's dimensions, the one with fewer stored rows (the engine's estimate);
        // on a tie or an unknown size the first in the catalogue.
        Assert.True(_engine.Rollup("daily") is { Rows: > 0 } && _engine.Rollup("daily_mix") is { Rows: > 0 }, "the store estimates each rollup's rows");
        var byMarket = request with { Dimensions = ["market"] };
        string Sized(long daily, long? mix) => new QueryPlanner(_catalog, _engine.Dialect, null,
            name => _engine.Rollup(name) is { } state ? state with { Rows = name == "daily" ? daily : mix } : null).Plan(byMarket).Answered;
        Assert.Equal("rollup daily_mix", Sized(daily: 10, mix: 5));
        Assert.Equal("rollup daily", Sized(daily: 5, mix: 10));
        Assert.Equal("rollup daily", Sized(daily: 7, mix: 7));
        Assert.Equal("rollup daily", Sized(daily: 7, mix: null));

        // Outside a load (a kept store made before the catalogue's rollup changed): rebuilt for the catalogue that asks,
        // left alone when current.
        var otherMaintainer = new RollupMaintainer(other);
        Assert.True(otherMaintainer.BringUpToDate(_store), "a rollup of another layout is rebuilt");
        Assert.Equal("rollup daily", new MetricQuery(other, _engine).Plan(request).Answered);
        Assert.StartsWith("raw: rollup daily was built for another catalogue", _query.Plan(request).Answered, StringComparison.Ordinal);
        Assert.False(otherMaintainer.BringUpToDate(_store), "a current rollup is left as it is");
        Assert.True(new RollupMaintainer(_catalog).BringUpToDate(_store));
        await AssertParity("after a rebuild outside a load");
    }

    private async Task AssertParity(string when)
    {
        string[][] slicings = [[], ["market"], ["region"], ["queue"], ["site"], ["policy"], ["decided_by"], ["detection_source"]];
        // The overview's "what changed" slices: by policy for a market filter and against no grain too; the monitor's
        // slicings only daily_mix holds: alone, paired with policy, and for a market filter.
        var cases = slicings.Select(s => (s, TimeGrain.Week, false))
            .Append(([], TimeGrain.None, false)).Append((["market"], TimeGrain.Day, false)).Append((["region"], TimeGrain.None, true))
            .Append((["policy"], TimeGrain.None, true)).Append((["object_type"], TimeGrain.Day, false)).Append((["policy", "decided_by"], TimeGrain.Week, false))
            .Append((["decided_by"], TimeGrain.None, true));
        foreach (var (dimensions, grain, filtered) in cases)
        {
            var metrics = _catalog.Metrics.Where(m => dimensions.All(m.Dimensions.Contains)).Select(m => m.Id).ToList();
            var request = Request(metrics, dimensions, grain) with { Filters = filtered ? [DimensionFilter.Parse("market=US,GB,ID")] : [] };
            var label = $"{when}, by [{string.Join(",", dimensions)}]{(filtered ? " for US,GB,ID" : "")}, grain {grain}";
            var expected = RollupParity.ExpectedRollup(_catalog, _engine, dimensions, filtered ? ["market"] : []);
            Assert.True(expected == (dimensions.Any(d => d is "decided_by" or "object_type" or "detection_source") ? "daily_mix"
                : dimensions.Any(d => d is "queue" or "site") ? "daily" : expected), $"{label}: only one rollup holds it");
            RollupParity.AnsweredFrom(expected, _query.Plan(request).Answered, label);
            var raw = await _query.RunAsync(request with { Exact = true });
            var rolled = await _query.RunAsync(request);
            Assert.True(raw.Count > 0, label);
            RollupParity.AssertSame(raw, rolled, label);
            // The quantiles are the sketch's (marked approximate), not raw ones passed through.
            Assert.Contains(rolled, r => r.Metric == "tat_p90_hours" && r.RelativeError == LogBucketSketch.RelativeError && r.Value is not null);
        }
        // A request of additive metrics only reads nothing raw.
        var additive = _catalog.Metrics.Where(m => m.Proportion is not null || m.Agreement is not null
            || (CatalogValidator.Measures(m).Any() && CatalogValidator.Measures(m).All(x => x.Measure.Aggregate is AggregateFunction.Count or AggregateFunction.Sum or AggregateFunction.Avg or AggregateFunction.OpenAtEnd)))
            .Where(m => m.Numerator?.MetricId is null && m.Denominator?.MetricId is null).Select(m => m.Id).ToList();
        Assert.Contains("backlog_end_of_period", additive);
        Assert.Equal($"rollup {RollupParity.ExpectedRollup(_catalog, _engine, ["market"], [])}", _query.Plan(Request(additive, ["market"], TimeGrain.Week)).Answered);
        Assert.Equal("rollup daily_mix", _query.Plan(Request(additive.Where(m => _catalog.Metric(m).Dimensions.Contains("decided_by")).ToList(), ["decided_by"], TimeGrain.Week)).Answered);
    }

    private static MetricRequest Request(IReadOnlyList<string> metrics, IReadOnlyList<string> dimensions, TimeGrain grain) =>
        new(metrics, dimensions, grain, [], All) { QuantileIntervals = true, LevelErrors = true };

    /// <summary>Sixty of a decisions file's rows re-delivered a day later with a higher version (<see cref="RollupParity.Redelivery"/>).</summary>
    private string Redelivery(string decisions, int bump = 1) =>
        RollupParity.Redelivery(decisions, Path.Combine(_folder, $"decisions-redelivery-v{bump}.csv"), rows: 60, bump);

    [GeneratedRegex("^(decisions|qa_audits|appeals|staffing)")]
    private static partial Regex Tables();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex DateIn();
}
