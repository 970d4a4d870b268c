namespace ModScope.Monitor.Health;

/// <summary>One ingest run as the store recorded it.</summary>
public sealed record LoadRecord(
    long LoadId, DateTime StartedAt, DateTime? FinishedAt, int Files, long RowsLoaded, long RowsQuarantined, long RowsPending, long RowsReleased);
