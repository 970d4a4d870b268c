using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Engines.ClickHouse;
using ModScope.Query;

namespace ModScope.ClickHouse.Tests;

/// <summary>One generated data set loaded into DuckDB and into a ClickHouse server, read back in both ClickHouse read modes.</summary>
public interface IParityData
{
    MetricCatalog Catalog { get; }
    DuckDbEngine DuckDb { get; }
    /// <summary>Reads with FINAL.</summary>
    ClickHouseEngine ClickHouse { get; }
    /// <summary>Reads without FINAL; the loader merged what it loaded.</summary>
    ClickHouseEngine ClickHouseMerged { get; }
    IReadOnlyList<ClickHouseEngine> ClickHouseModes => [ClickHouse, ClickHouseMerged];

    MetricQuery Query(IMetricEngine engine) => new(Catalog, engine);
}
