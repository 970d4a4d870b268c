namespace ModScope.Query;

/// <summary>
/// What a store says of one rollup (<see cref="IMetricEngine.Rollup"/>): the hash of the layout it was built for, its
/// days' time zone, the last load it includes and the store's last load. The door reads it only when all agree.
/// </summary>
/// <param name="Rows">
/// The store's cheap estimate of the rows the rollup's tables hold (DuckDB's <c>estimated_size</c>, ClickHouse's active
/// parts' rows on the node asked), or null when unknown: between rollups that cover a request the door reads the smallest.
/// </param>
public sealed record RollupState(string Name, string LayoutHash, string TimeZone, long LoadId, long? LatestLoadId, long? Rows = null);
