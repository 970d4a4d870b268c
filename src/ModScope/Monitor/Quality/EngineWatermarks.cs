using ModScope.Engines;

namespace ModScope.Monitor.Quality;

/// <summary>
/// The decisions watermark read through a metric engine, for data that live outside the DuckDB store (ClickHouse):
/// the newest decision up to a moment, and the last complete day by the same freshness rule as <see cref="Watermarks"/>.
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

    /// <summary>The decisions watermark as of the end of <paramref name="asOf"/> (UTC).</summary>
    public static async Task<Watermark> DecisionsAsync(IMetricEngine engine, DateOnly asOf, FreshnessSettings freshness, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(freshness);
        var newest = await NewestDecisionAsync(engine, asOf.AddDays(1).ToDateTime(TimeOnly.MinValue), cancellationToken).ConfigureAwait(false);
        var stillArriving = (int)Math.Ceiling(freshness.HoursFor(QualitySource.Decisions.Name) / 24);
        return new Watermark(QualitySource.Decisions.Name, newest, newest is { } n ? DateOnly.FromDateTime(n).AddDays(-stillArriving) : null);
    }
}
