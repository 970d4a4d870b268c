using ModScope.Query;

namespace ModScope.Monitor.Quality;

/// <summary>
/// The newest decision read through a metric engine (the DuckDB store's or ClickHouse): what the CLI and the dashboard
/// take as "the data's last day" (the monitor's watermarks come from <see cref="DataQualityChecks"/>).
/// </summary>
public static class EngineWatermarks
{
    /// <summary>The newest <c>decided_at</c> before <paramref name="until"/> (any, when null), or null when there is none.</summary>
    public static async Task<DateTime?> NewestDecisionAsync(IMetricEngine engine, DateTime? until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var d = engine.Dialect;
        var decidedAt = d.Quote("decided_at");
        var where = $" WHERE {d.InCalendar(decidedAt)}" + (until is null ? "" : $" AND {decidedAt} < {d.Parameter("p0")}");
        // count() first: max over no rows is NULL on DuckDB but the epoch on ClickHouse.
        var rows = await engine.RunAsync("the newest decision", $"SELECT count(*), max({d.Quote("decided_at")}) FROM {d.Quote("decisions")}{where}",
            until is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["p0"] = until }, cancellationToken).ConfigureAwait(false);
        return rows.Count == 1 && Convert.ToInt64(rows[0][0], System.Globalization.CultureInfo.InvariantCulture) > 0 && rows[0][1] is DateTime newest
            ? newest
            : null;
    }

    /// <summary>
    /// The newest decision day (UTC) of the data behind <paramref name="engine"/> (the DuckDB store or ClickHouse), or
    /// null when there are no decisions: the one answer to "the data's last day" for the CLI and the dashboard.
    /// </summary>
    public static async Task<DateOnly?> LatestDecisionDayAsync(IMetricEngine engine, CancellationToken cancellationToken = default) =>
        await NewestDecisionAsync(engine, null, cancellationToken).ConfigureAwait(false) is { } newest ? DateOnly.FromDateTime(newest) : null;
}
