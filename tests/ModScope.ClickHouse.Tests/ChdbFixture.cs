using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Engines.ClickHouse;
using ModScope.Ingest;
using ModScope.Store;
using ModScope.Synthetic;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// A current ClickHouse (26.7, embedded by npm chdb) behind scripts/chdb-http.sh on one loopback port (started here,
/// and stopped afterwards, when it is not running; the first start installs chdb with npm), a scratch database on it
/// over its one-shard cluster, and the data set of <see cref="ClusterFixture"/> loaded into DuckDB and into it.
/// </summary>
public sealed class ChdbFixture : IParityData, IAsyncLifetime
{
    private const string NeedsNode = "; the modern-ClickHouse tests need node and npm (npm install chdb@3.4.0)";

    public const string Cluster = "one_shard";
    public static readonly Uri Url = new($"http://127.0.0.1:{Environment.GetEnvironmentVariable("MODSCOPE_CHDB_PORT") ?? "18130"}/");

    private bool _started;

    public string Folder { get; } = Directory.CreateTempSubdirectory("modscope-chdb-parity-").FullName;
    public string Data => Path.Combine(Folder, "data");
    public string Database { get; } = "modscope_test_" + Guid.NewGuid().ToString("N")[..10];
    public MetricCatalog Catalog { get; } = CatalogLoader.LoadDefault();
    public ModScopeStore Store { get; private set; } = null!;
    public DuckDbEngine DuckDb { get; private set; } = null!;
    public ClickHouseEngine ClickHouse { get; private set; } = null!;
    public ClickHouseEngine ClickHouseMerged { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!await LoopbackServer.AnswersAsync(Url))
        {
            await LoopbackServer.RunScriptAsync("chdb-http.sh", "start", NeedsNode);
            _started = true;
        }
        await ClickHouseSetup.CreateAsync([Url], Database, Cluster);
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(Data, Days: 14, DecisionsPerDay: 600, Seed: 5));
        Store = ModScopeStore.Open(Path.Combine(Folder, "store.duckdb"));
        DuckDb = new DuckDbEngine(Store);
        ClickHouse = new ClickHouseEngine(new ClickHouseOptions(Url, Database, Cluster));
        ClickHouseMerged = new ClickHouseEngine(new ClickHouseOptions(Url, Database, Cluster) { ReadFinal = false, Nodes = [Url] });
        await new Ingestor(Store).IngestAsync([Data], new IngestOptions());
        await LoadAsync(Data, batchRows: 2_000);
    }

    public Task<IngestResult> LoadAsync(string folder, int batchRows = 200_000) =>
        new ClickHouseLoader(ClickHouseMerged) { BatchRows = batchRows }.IngestAsync([folder], new IngestOptions());

    public async Task DisposeAsync()
    {
        DuckDb?.Dispose();
        Store?.Dispose();
        ClickHouse?.Dispose();
        ClickHouseMerged?.Dispose();
        await ClickHouseSetup.DropAsync([Url], Database);
        if (_started)
        {
            await LoopbackServer.RunScriptAsync("chdb-http.sh", "stop", NeedsNode);
        }
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>The chdb server and its data set are set up once for every class that reads them.</summary>
[CollectionDefinition(Name)]
public sealed class ChdbCollection : ICollectionFixture<ChdbFixture>
{
    public const string Name = "modern clickhouse (chdb)";
}
