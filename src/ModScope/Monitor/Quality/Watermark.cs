namespace ModScope.Monitor.Quality;

/// <summary>How far a source's data can be trusted as complete.</summary>
/// <param name="Source">The event table.</param>
/// <param name="NewestEvent">
/// The newest event up to the end of the as-of day (UTC; for staffing, whose rows carry a date, the end of that date),
/// or null when the source has none.
/// </param>
/// <param name="CompleteThrough">
/// The last day whose data is complete: the newest event's day less the days the freshness threshold says data may
/// still arrive (36 h → 2 days). Null when the source has no events. Checks judge days only up to here.
/// </param>
public sealed record Watermark(string Source, DateTime? NewestEvent, DateOnly? CompleteThrough);
