namespace ModScope.Ingest;

/// <summary>
/// The columns a file carries, mapped to its table's names, or why its header does not fit; <see cref="Nested"/>
/// names the columns whose values are nested (a Parquet STRUCT, LIST or MAP). Files of the same table, format and
/// shape are read together in one batch. <see cref="Unreadable"/>: the file cannot be read at all.
/// </summary>
internal sealed record FileShape(IReadOnlyList<string> Columns, HeaderProblem? Problem, IReadOnlyList<string>? Nested = null, FileProblem? Unreadable = null)
{
    public IReadOnlyList<string> NestedColumns => Nested ?? [];

    public bool SameColumnsAs(FileShape other) =>
        Problem is null && other.Problem is null && Unreadable is null && other.Unreadable is null
        && Columns.SequenceEqual(other.Columns) && NestedColumns.SequenceEqual(other.NestedColumns);
}

/// <summary>A header that does not fit the table: the column at fault and the rule it breaks.</summary>
internal sealed record HeaderProblem(string Field, string Message);

/// <summary>Why a whole file cannot be read: the quarantine rule and the message naming the file.</summary>
internal sealed record FileProblem(string Rule, string Message);
