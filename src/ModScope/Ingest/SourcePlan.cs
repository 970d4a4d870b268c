namespace ModScope.Ingest;

/// <summary>
/// How DuckDB reads a batch of files (listed in the temp table <c>stg_batch</c>): a SELECT yielding one
/// text column per schema column (NULL where the files lack an optional one), <c>__file</c> (the file's
/// index in the batch), <c>__gord</c> (ordinal of the row among the rows DuckDB could split, over the
/// whole batch), <c>__raw</c> (the line, for JSON Lines) and <c>__json_ok</c>. Rows DuckDB cannot split
/// (wrong column count, invalid UTF-8) land in the rejects tables <c>{rejects}_t</c>/<c>{rejects}_s</c>.
/// </summary>
/// <param name="SelectTemplate">The SELECT, with <see cref="RejectsToken"/> where the rejects tables' prefix goes.</param>
/// <param name="HeaderLines">Lines before the first row of each file (1 for CSV).</param>
/// <param name="Columns">The text columns the SELECT yields, in file order.</param>
internal sealed record SourcePlan(string SelectTemplate, int HeaderLines, IReadOnlyList<string> Columns)
{
    public const string RejectsToken = "{rejects}";

    /// <summary>The SELECT reading the batch, its rejects going to <c>{rejects}_t</c>/<c>{rejects}_s</c>.</summary>
    public string Select(string rejects) => SelectTemplate.Replace(RejectsToken, rejects, StringComparison.Ordinal);
}
