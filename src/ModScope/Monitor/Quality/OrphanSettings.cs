namespace ModScope.Monitor.Quality;

/// <summary>Audits and appeals waiting for their decision (<c>pending_*</c> tables).</summary>
public sealed record OrphanSettings
{
    /// <summary>A pending row whose own event is older than this many days at the end of the as-of day is an orphan.</summary>
    public int MaxPendingDays { get; init; } = 7;
}
