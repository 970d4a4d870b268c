using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Tests.Support;

namespace ModScope.Tests.Sources;

/// <summary>Bazaarly's data set loaded once through its mapping into a scratch store, shared by the tests that read it.</summary>
public sealed class BazaarStore : IAsyncLifetime
{
    private DuckDbEngine? _engine;

    public TempStore Store { get; } = new();

    public IngestResult Result { get; private set; } = null!;

    public MetricQuery Query { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Result = await new Ingestor(Store.Store).IngestAsync(BazaarData.Inputs, new IngestOptions(Mapping: BazaarData.Mapping()));
        _engine = new DuckDbEngine(Store.Store);
        Query = new MetricQuery(BazaarData.Catalog(), _engine);
    }

    public Task DisposeAsync()
    {
        _engine?.Dispose();
        Store.Dispose();
        return Task.CompletedTask;
    }
}
