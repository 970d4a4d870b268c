using System.Globalization;
using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Query.Rollups;
using ModScope.Store;
using ModScope.Synthetic;

namespace ModScope.Tests.Engines;

/// <summary>
/// The DuckDB engine reads every rollup's state once per store version (its loads and the rollups' state rows) and keeps
/// it between requests: repeated requests do not read it again, and the door still sees a rollup go stale after a load
/// without upkeep and current again after <see cref="RollupMaintainer.BringUpToDate"/> (which writes no load).
/// </summary>
public sealed class RollupStateCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("modscope-rollup-state-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_rollups_state_is_read_once_per_store_version_and_the_door_sees_each_change()
    {
        var data = Path.Combine(_folder, "data");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days: 2, DecisionsPerDay: 60, Seed: 4, Incidents: false));
        var second = GeneratorOptions.DefaultStart.ToDateTime(TimeOnly.MinValue).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] tables = ["decisions", "qa_audits", "appeals", "staffing"];
        var files = Directory.GetFiles(data).Where(f => tables.Any(t => Path.GetFileName(f).StartsWith(t, StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToList();
        var late = files.Single(f => Path.GetFileName(f).StartsWith("decisions-" + second, StringComparison.Ordinal));
        var catalog = CatalogLoader.LoadDefault();
        using var store = ModScopeStore.Open(Path.Combine(_folder, "store.duckdb"));
        using var engine = new DuckDbEngine(store);
        var query = new MetricQuery(catalog, engine);
        var byQueue = new MetricRequest(["decision_volume"], ["queue"], TimeGrain.Day, [],
            new Period(new DateTime(2000, 1, 1), new DateTime(2100, 1, 1), "UTC", "all days"));

        await new Ingestor(store) { Maintenance = new RollupMaintainer(catalog) }.IngestAsync(files.Except([late]).ToList(), new IngestOptions());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("rollup daily", query.Plan(byQueue).Answered);
        }
        // Three requests, each asking both rollups' states: one read.
        Assert.Equal(1, engine.RollupReads);

        // A load without upkeep: the next request sees the rollup behind the store's loads.
        await new Ingestor(store).IngestAsync([late], new IngestOptions());
        Assert.Equal("raw: rollup daily includes loads up to 1, the store has 2; rollup daily_mix includes loads up to 1, the store has 2", query.Plan(byQueue).Answered);
        Assert.Equal("raw: rollup daily includes loads up to 1, the store has 2; rollup daily_mix includes loads up to 1, the store has 2", query.Plan(byQueue).Answered);
        Assert.Equal(2, engine.RollupReads);

        // Rebuilt outside a load (no new load id): the state rows changed, so the next request reads them again.
        Assert.True(new RollupMaintainer(catalog).BringUpToDate(store));
        Assert.Equal("rollup daily", query.Plan(byQueue).Answered);
        Assert.Equal("rollup daily", query.Plan(byQueue).Answered);
        Assert.Equal(3, engine.RollupReads);
        Assert.True(engine.Rollup("daily") is { LoadId: 2, LatestLoadId: 2, Rows: > 0 }, "the state names the load it includes and the store's estimate of its rows");
        Assert.Null(engine.Rollup("weekly"));
        Assert.Equal(3, engine.RollupReads);
    }
}
