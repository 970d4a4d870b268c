using ModScope.Ingest;
using ModScope.Monitor.Calendar;
using ModScope.Store;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Runs every data-quality check on a store as of a day and returns what they found, critical first. Each check is a
/// small <see cref="IQualityCheck"/> with its own SQL; all read one connection and the same watermarks.
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
    ];

    /// <summary>Every finding as of the end of <paramref name="asOf"/> (UTC), without a calendar of known peaks.</summary>
    public static Task<IReadOnlyList<QualityFinding>> RunAsync(
        ModScopeStore store, DateOnly asOf, QualitySettings settings, CancellationToken cancellationToken) =>
        RunAsync(store, asOf, settings, null, cancellationToken);

    /// <summary>
    /// Every finding as of the end of <paramref name="asOf"/> (UTC). A volume move that an event of
    /// <paramref name="calendar"/> explains (same direction, in the markets of most of the rows) is not reported.
    /// </summary>
    public static Task<IReadOnlyList<QualityFinding>> RunAsync(
        ModScopeStore store, DateOnly asOf, QualitySettings settings, EventCalendar? calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        return Task.Run(() => Run(store, asOf, settings, calendar ?? EventCalendar.Empty, cancellationToken), cancellationToken);
    }

    /// <summary>Per source: the newest event up to the end of <paramref name="asOf"/>, and the last day whose data is complete.</summary>
    public static Task<IReadOnlyList<Watermark>> WatermarksAsync(
        ModScopeStore store, DateOnly asOf, QualitySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        return Task.Run<IReadOnlyList<Watermark>>(() =>
        {
            using var connection = store.OpenConnection();
            return Watermarks.Find(new SqlRunner(connection, cancellationToken), asOf, settings.Freshness).Values.ToList();
        }, cancellationToken);
    }

    private static IReadOnlyList<QualityFinding> Run(
        ModScopeStore store, DateOnly asOf, QualitySettings settings, EventCalendar calendar, CancellationToken cancellationToken)
    {
        using var connection = store.OpenConnection();
        var sql = new SqlRunner(connection, cancellationToken);
        var context = new QualityContext(sql, asOf, settings, calendar, Watermarks.Find(sql, asOf, settings.Freshness));
        return Checks.SelectMany(check => check.Run(context).ToList())
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Check)
            .ThenBy(f => f.Source, StringComparer.Ordinal)
            .ThenBy(f => f.Day)
            .ThenBy(f => f.Segment, StringComparer.Ordinal)
            .ToList();
    }
}
