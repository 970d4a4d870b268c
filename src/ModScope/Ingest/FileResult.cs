namespace ModScope.Ingest;

/// <summary>The outcome of one file in a load.</summary>
/// <param name="QuarantinedByRule">Quarantined row counts by the rule they broke (pending orphans included).</param>
public sealed record FileResult(
    string Path,
    string Table,
    InputFormat Format,
    FileStatus Status,
    long RowsRead,
    long RowsLoaded,
    long RowsReplaced,
    long RowsQuarantined,
    long RowsPending,
    IReadOnlyDictionary<string, long> QuarantinedByRule,
    string? Problem = null)
{
    public string Name => System.IO.Path.GetFileName(Path);
}
