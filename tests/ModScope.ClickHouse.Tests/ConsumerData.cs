using ModScope.Catalog;
using ModScope.Engines;
using ModScope.ClickHouse;
using ModScope.Ingest;
using ModScope.Store;
using ModScope.Synthetic;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// Six weeks of generated data with planted incidents (enough history for the monitor), loaded into a DuckDB store
/// and into a scratch database on the cluster that <see cref="ClusterFixture"/> runs, plus an empty DuckDB store
/// that holds the alerts of the monitor on ClickHouse.
/// </summary>
public sealed class ConsumerData : IAsyncLifetime
{
    public const int Days = 42;

    public string Folder { get; } = Directory.CreateTempSubdirectory("modscope-ch-consumers-").FullName;
    public string Database { get; } = "modscope_consumers_" + Guid.NewGuid().ToString("N")[..10];
    public MetricCatalog Catalog { get; } = CatalogLoader.LoadDefault();
    public string StorePath => Path.Combine(Folder, "store.duckdb");
    public string AlertStorePath => Path.Combine(Folder, "alerts.duckdb");
    /// <summary>Reads without FINAL (the fast mode on 18.16): the loader merges the partitions it loads on both nodes.</summary>
    public ClickHouseOptions ClickHouseOptions => new(ClusterFixture.Nodes[0], Database) { ReadFinal = false, Nodes = ClusterFixture.Nodes };
    public ModScopeStore Store { get; private set; } = null!;
    public DuckDbEngine DuckDb { get; private set; } = null!;
    public ClickHouseEngine ClickHouse { get; private set; } = null!;

    /// <summary>The last generated day.</summary>
    public DateOnly LastDay => GeneratorOptions.DefaultStart.AddDays(Days - 1);

    public async Task InitializeAsync()
    {
        // 4,000 decisions a day: the detector learns each series' own alert level, and at 1,500 a day no incident planted
        // in the judged fortnight stands out of its segment's noise as a metric alert (at 4,000, TH's backlog does), so
        // the parity of metric alerts would compare two empty lists.
        var data = Path.Combine(Folder, "data");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days, DecisionsPerDay: 4000, Seed: 11, Incidents: true));
        await ClickHouseSetup.CreateAsync(ClusterFixture.Nodes, Database, ClickHouseOptions.DefaultCluster);
        Store = ModScopeStore.Open(StorePath);
        DuckDb = new DuckDbEngine(Store);
        ClickHouse = new ClickHouseEngine(ClickHouseOptions);
        await new Ingestor(Store).IngestAsync([data], new IngestOptions());
        await new ClickHouseLoader(ClickHouse).IngestAsync([data], new IngestOptions());
    }

    public async Task DisposeAsync()
    {
        DuckDb?.Dispose();
        Store?.Dispose();
        ClickHouse?.Dispose();
        await ClickHouseSetup.DropAsync(ClusterFixture.Nodes, Database);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A DuckDB file still mapped by the test server; the temp folder is cleaned by the OS.
        }
    }
}
