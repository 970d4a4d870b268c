namespace ModScope.Query;

/// <summary>
/// What a store says of its rollup (<see cref="IMetricEngine.Rollup"/>): the hash of the layout it was built for, its
/// days' time zone, the last load it includes and the store's last load. The door reads it only when all agree.
/// </summary>
public sealed record RollupState(string Name, string LayoutHash, string TimeZone, long LoadId, long? LatestLoadId);
