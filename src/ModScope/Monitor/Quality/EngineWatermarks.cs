using ModScope.Query;

namespace ModScope.Monitor.Quality;

/// <summary>
/// The newest decision read through a metric engine, for data that live outside the DuckDB store (ClickHouse): what the
/// CLI and the dashboard take as "the data's last day" (the monitor's watermarks come from <see cref="DataQualityChecks"/>).
/// </summary>
public static class EngineWatermarks
{
    /// <summary>The newest <c>decided_at</c> before <paramref name="until"/> (any, when null), or null when there is none.</summary>
    public static async Task<DateTime?> NewestDecisionAsync(IMetricEngine engine, DateTime? until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var d = engine.Dialect;
        var where = until is null ? "" : $" WHERE {d.Quote("decided_at")} < {d.Parameter("p0")}";
        // count() first: max over no rows is NULL on DuckDB but the epoch on ClickHouse.
        var rows = await engine.QueryAsync($"SELECT count(*), max({d.Quote("decided_at")}) FROM {d.Quote("decisions")}{where}",
            until is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["p0"] = until }, cancellationToken).ConfigureAwait(false);
        return rows.Count == 1 && Convert.ToInt64(rows[0][0], System.Globalization.CultureInfo.InvariantCulture) > 0 && rows[0][1] is DateTime newest
            ? newest
            : null;
    }
}
