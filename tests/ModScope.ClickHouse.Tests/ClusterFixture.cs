using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Engines.ClickHouse;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Store;
using ModScope.Synthetic;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// The two-shard loopback cluster of scripts/clickhouse-cluster.sh (started here, and stopped afterwards, when it
/// is not running), a scratch database on it, and one small generated data set loaded into both a DuckDB store
/// and the cluster.
/// </summary>
public sealed class ClusterFixture : IParityData, IAsyncLifetime
{
    public static readonly Uri[] Nodes = [new("http://127.0.0.1:18123/"), new("http://127.0.0.1:18124/")];

    private bool _started;

    public string Folder { get; } = Directory.CreateTempSubdirectory("modscope-ch-parity-").FullName;
    public string Data => Path.Combine(Folder, "data");
    public string Database { get; } = "modscope_test_" + Guid.NewGuid().ToString("N")[..10];
    public MetricCatalog Catalog { get; } = CatalogLoader.LoadDefault();
    public ModScopeStore Store { get; private set; } = null!;
    public DuckDbEngine DuckDb { get; private set; } = null!;
    /// <summary>Reads with FINAL.</summary>
    public ClickHouseEngine ClickHouse { get; private set; } = null!;
    /// <summary>Reads without FINAL; loads through it merge the partitions they touch on both nodes.</summary>
    public ClickHouseEngine ClickHouseMerged { get; private set; } = null!;
    public IReadOnlyList<ClickHouseEngine> ClickHouseModes => [ClickHouse, ClickHouseMerged];
    public IngestResult DuckDbLoad { get; private set; } = null!;
    public IngestResult ClickHouseLoad { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!await LoopbackServer.AnswersAsync(Nodes[0]) || !await LoopbackServer.AnswersAsync(Nodes[1]))
        {
            await StartClusterAsync();
        }
        await ClickHouseSetup.CreateAsync(Nodes, Database, ClickHouseOptions.DefaultCluster);
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(Data, Days: 14, DecisionsPerDay: 600, Seed: 5));
        Store = ModScopeStore.Open(Path.Combine(Folder, "store.duckdb"));
        DuckDb = new DuckDbEngine(Store);
        ClickHouse = new ClickHouseEngine(new ClickHouseOptions(Nodes[0], Database));
        ClickHouseMerged = new ClickHouseEngine(new ClickHouseOptions(Nodes[1], Database) { ReadFinal = false, Nodes = Nodes });
        DuckDbLoad = await new Ingestor(Store).IngestAsync([Data], new IngestOptions());
        ClickHouseLoad = await LoadAsync(Data, batchRows: 2_000);
    }

    public MetricQuery Query(IMetricEngine engine) => new(Catalog, engine);

    /// <summary>Loads into ClickHouse (merging the loaded partitions, so both read modes count each key once).</summary>
    public Task<IngestResult> LoadAsync(string folder, int batchRows = 200_000) =>
        new ClickHouseLoader(ClickHouseMerged) { BatchRows = batchRows }.IngestAsync([folder], new IngestOptions());

    /// <summary>One number from one node (its local tables).</summary>
    public async Task<long> CountOnNodeAsync(Uri node, string sql)
    {
        using var engine = new ClickHouseEngine(new ClickHouseOptions(node, Database));
        var rows = await engine.QueryAsync(sql, new Dictionary<string, object?>());
        return Convert.ToInt64(rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        DuckDb?.Dispose();
        Store?.Dispose();
        ClickHouse?.Dispose();
        ClickHouseMerged?.Dispose();
        await ClickHouseSetup.DropAsync(Nodes, Database);
        if (_started)
        {
            await LoopbackServer.RunScriptAsync("clickhouse-cluster.sh", "stop");
        }
        Directory.Delete(Folder, recursive: true);
    }

    private async Task StartClusterAsync()
    {
        var server = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "clickhouse-server")).FirstOrDefault(File.Exists);
        if (server is null)
        {
            throw new InvalidOperationException(
                "The ClickHouse parity tests need clickhouse-server: install the Debian package 'clickhouse-server' " +
                "(sudo apt-get install clickhouse-server); the tests then start the loopback cluster with scripts/clickhouse-cluster.sh.");
        }
        await LoopbackServer.RunScriptAsync("clickhouse-cluster.sh", "start");
        _started = true;
    }
}

/// <summary>The cluster and its data set are set up once for every class that reads them.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "clickhouse cluster";
}
