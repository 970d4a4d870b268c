using ModScope.Catalog;
using ModScope.Engines;
using ModScope.ClickHouse;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Store;

namespace ModScope.ClickHouse.Tests;

/// <summary>One generated data set loaded into DuckDB and into a ClickHouse server, read back in both ClickHouse read modes.</summary>
public interface IParityData
{
    /// <summary>A scratch folder, deleted afterwards.</summary>
    string Folder { get; }
    /// <summary>The generated files (14 days from 2026-08-24, 600 decisions a day, seed 5).</summary>
    string Data { get; }
    MetricCatalog Catalog { get; }
    ModScopeStore Store { get; }
    DuckDbEngine DuckDb { get; }
    /// <summary>Reads with FINAL.</summary>
    ClickHouseEngine ClickHouse { get; }
    /// <summary>Reads without FINAL; the loader merged what it loaded.</summary>
    ClickHouseEngine ClickHouseMerged { get; }
    /// <summary>Both read modes: FINAL, then merged.</summary>
    IReadOnlyList<ClickHouseEngine> ClickHouseModes { get; }

    MetricQuery Query(IMetricEngine engine);

    /// <summary>Loads into ClickHouse (merging the loaded partitions, so both read modes count each key once).</summary>
    Task<IngestResult> LoadAsync(string folder, int batchRows = 200_000);
}
