using ModScope.Engines;
using ModScope.Monitor.Calendar;
using ModScope.Query;
using ModScope.Store;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Runs every data-quality check as of a day and returns what they found, critical first: on the DuckDB store, or
/// through any metric engine (ClickHouse) with the same findings for the same data. Each check is a small
/// <see cref="IQualityCheck"/>; all read through one <see cref="QualitySql"/> and the same watermarks and load history.
/// </summary>
public static class DataQualityChecks
{
    private static readonly IReadOnlyList<IQualityCheck> Checks =
    [
        new FreshnessCheck(),
        new VolumeCheck(),
        new NullRateCheck(),
        new DuplicateIdsCheck(),
        new OrphansCheck(),
        new QuarantineRateCheck(),
        new LateArrivalCheck(),
        new MissingRateCheck(),
    ];

    /// <summary>Every finding as of the end of <paramref name="asOf"/> (UTC), without a calendar of known peaks.</summary>
    public static Task<IReadOnlyList<QualityFinding>> RunAsync(
        ModScopeStore store, DateOnly asOf, QualitySettings settings, CancellationToken cancellationToken) =>
        RunAsync(store, asOf, settings, null, cancellationToken);

    /// <summary>
    /// Every finding on the DuckDB store as of the end of <paramref name="asOf"/> (UTC). A volume move that an event of
    /// <paramref name="calendar"/> explains (same direction, in the markets of most of the rows) is not reported.
    /// </summary>
    public static Task<IReadOnlyList<QualityFinding>> RunAsync(
        ModScopeStore store, DateOnly asOf, QualitySettings settings, EventCalendar? calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Task.Run(async () =>
        {
            using var engine = new DuckDbEngine(store);
            return await RunAsync(engine, store, asOf, settings, calendar, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Every finding on the data behind <paramref name="engine"/> (DuckDB or ClickHouse) as of the end of <paramref name="asOf"/>.</summary>
    public static Task<IReadOnlyList<QualityFinding>> RunAsync(
        IMetricEngine engine, DateOnly asOf, QualitySettings settings, EventCalendar? calendar, CancellationToken cancellationToken) =>
        RunAsync(engine, null, asOf, settings, calendar, cancellationToken);

    private static async Task<IReadOnlyList<QualityFinding>> RunAsync(
        IMetricEngine engine, ModScopeStore? store, DateOnly asOf, QualitySettings settings, EventCalendar? calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(settings);
        var sql = new QualitySql(engine, cancellationToken);
        var marks = await Watermarks.FindAsync(sql, asOf, settings.Freshness).ConfigureAwait(false);
        var files = await LoadedFile.BetweenAsync(sql, asOf.AddDays(1 - settings.Days), asOf.AddDays(1)).ConfigureAwait(false);
        var context = new QualityContext(sql, asOf, settings, calendar ?? EventCalendar.Empty, marks, files, store);
        var findings = new List<QualityFinding>();
        foreach (var check in Checks)
        {
            findings.AddRange(await check.RunAsync(context).ConfigureAwait(false));
        }
        return findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Check)
            .ThenBy(f => f.Source, StringComparer.Ordinal)
            .ThenBy(f => f.Day)
            .ThenBy(f => f.Segment, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Per source: the newest event up to the end of <paramref name="asOf"/>, and the last day whose data is complete.</summary>
    public static Task<IReadOnlyList<Watermark>> WatermarksAsync(
        ModScopeStore store, DateOnly asOf, QualitySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Task.Run(async () =>
        {
            using var engine = new DuckDbEngine(store);
            return await WatermarksAsync(engine, asOf, settings, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>The watermarks of the data behind <paramref name="engine"/>.</summary>
    public static async Task<IReadOnlyList<Watermark>> WatermarksAsync(
        IMetricEngine engine, DateOnly asOf, QualitySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(settings);
        var marks = await Watermarks.FindAsync(new QualitySql(engine, cancellationToken), asOf, settings.Freshness).ConfigureAwait(false);
        return marks.Values.ToList();
    }
}
