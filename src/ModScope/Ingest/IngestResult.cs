namespace ModScope.Ingest;

/// <summary>The outcome of a load: one result per input file, and the pending rows it released.</summary>
/// <param name="LoadId">The load's id in the store's <c>loads</c> table, or null when nothing new was read.</param>
/// <param name="RowsReleased">Audits and appeals, parked earlier, whose decision arrived in this load.</param>
public sealed record IngestResult(long? LoadId, IReadOnlyList<FileResult> Files, long RowsReleased)
{
    public long RowsLoaded => Files.Sum(f => f.RowsLoaded);
    public long RowsQuarantined => Files.Sum(f => f.RowsQuarantined);
}
