namespace ModScope.Ingest;

/// <summary>
/// Where a batch's rows come from, known before they are checked: rows DuckDB could split per file
/// (index in the batch → count), and SQL for each row's line in its file and its file id, over the
/// columns <c>c.__file</c> and <c>c.__gord</c>.
/// </summary>
internal sealed record LineMap(IReadOnlyDictionary<int, long> RowsByFile, string LineSql, string FileIdSql)
{
    public long Rows => RowsByFile.Values.Sum();
}
