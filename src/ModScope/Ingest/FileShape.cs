namespace ModScope.Ingest;

/// <summary>
/// The columns a file carries, mapped to its table's names, or why its header does not fit. Files of
/// the same table, format and shape are read together in one batch.
/// </summary>
internal sealed record FileShape(IReadOnlyList<string> Columns, HeaderProblem? Problem)
{
    public bool SameColumnsAs(FileShape other) => Problem is null && other.Problem is null && Columns.SequenceEqual(other.Columns);
}

/// <summary>A header that does not fit the table: the column at fault and the rule it breaks.</summary>
internal sealed record HeaderProblem(string Field, string Message);
