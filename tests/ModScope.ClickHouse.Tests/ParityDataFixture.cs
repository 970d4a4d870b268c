using ModScope.Catalog;
using ModScope.Engines;
using ModScope.ClickHouse;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Store;
using ModScope.Synthetic;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// A ClickHouse server set (started here, and stopped afterwards, when it is not answering), a scratch database on
/// it, and one small generated data set loaded into both a DuckDB store and ClickHouse. Subclasses say which servers,
/// which cluster and how each read mode reaches them.
/// </summary>
public abstract class ParityDataFixture(string folderPrefix) : IParityData, IAsyncLifetime
{
    private bool _started;

    public string Folder { get; } = Directory.CreateTempSubdirectory(folderPrefix).FullName;
    public string Data => Path.Combine(Folder, "data");
    public string Database { get; } = "modscope_test_" + Guid.NewGuid().ToString("N")[..10];
    public MetricCatalog Catalog { get; } = CatalogLoader.LoadDefault();
    public ModScopeStore Store { get; private set; } = null!;
    public DuckDbEngine DuckDb { get; private set; } = null!;
    /// <summary>Reads with FINAL.</summary>
    public ClickHouseEngine ClickHouse { get; private set; } = null!;
    /// <summary>Reads without FINAL; loads through it merge the partitions they touch on every node.</summary>
    public ClickHouseEngine ClickHouseMerged { get; private set; } = null!;
    public IReadOnlyList<ClickHouseEngine> ClickHouseModes => [ClickHouse, ClickHouseMerged];
    public IngestResult DuckDbLoad { get; private set; } = null!;
    public IngestResult ClickHouseLoad { get; private set; } = null!;

    /// <summary>Every server's HTTP endpoint: the scratch database is created on each.</summary>
    protected abstract IReadOnlyList<Uri> Servers { get; }

    /// <summary>The cluster the distributed tables span.</summary>
    protected abstract string ClusterName { get; }

    /// <summary>How the FINAL reads reach the servers.</summary>
    protected abstract ClickHouseOptions FinalReads { get; }

    /// <summary>How the merged reads (and the loads) reach the servers.</summary>
    protected abstract ClickHouseOptions MergedReads { get; }

    protected abstract Task StartServersAsync();

    protected abstract Task StopServersAsync();

    public async Task InitializeAsync()
    {
        foreach (var server in Servers)
        {
            if (!await LoopbackServer.AnswersAsync(server))
            {
                await StartServersAsync();
                _started = true;
                break;
            }
        }
        await ClickHouseSetup.CreateAsync(Servers, Database, ClusterName);
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(Data, Days: 14, DecisionsPerDay: 600, Seed: 5));
        Store = ModScopeStore.Open(Path.Combine(Folder, "store.duckdb"));
        DuckDb = new DuckDbEngine(Store);
        ClickHouse = new ClickHouseEngine(FinalReads);
        ClickHouseMerged = new ClickHouseEngine(MergedReads);
        DuckDbLoad = await new Ingestor(Store).IngestAsync([Data], new IngestOptions());
        ClickHouseLoad = await LoadAsync(Data, batchRows: 2_000);
    }

    public MetricQuery Query(IMetricEngine engine) => new(Catalog, engine);

    /// <summary>
    /// A second, empty database on the same servers (dropped when disposed), for a test whose data must not mix with the
    /// shared data set: its FINAL and merged read modes (loads go through the merged one, which knows every node).
    /// </summary>
    public async Task<ScratchDatabase> ScratchDatabaseAsync(string name)
    {
        var database = $"{Database}_{name}";
        await ClickHouseSetup.CreateAsync(Servers, database, ClusterName);
        return new ScratchDatabase(new ClickHouseEngine(FinalReads with { Database = database }),
            new ClickHouseEngine(MergedReads with { Database = database }), () => ClickHouseSetup.DropAsync(Servers, database));
    }

    /// <summary>Loads into ClickHouse (merging the loaded partitions, so both read modes count each key once).</summary>
    public Task<IngestResult> LoadAsync(string folder, int batchRows = 200_000) =>
        new ClickHouseLoader(ClickHouseMerged) { BatchRows = batchRows }.IngestAsync([folder], new IngestOptions());

    public async Task DisposeAsync()
    {
        DuckDb?.Dispose();
        Store?.Dispose();
        ClickHouse?.Dispose();
        ClickHouseMerged?.Dispose();
        await ClickHouseSetup.DropAsync(Servers, Database);
        if (_started)
        {
            await StopServersAsync();
        }
        Directory.Delete(Folder, recursive: true);
    }
}
