namespace ModScope.Ingest;

/// <summary>
/// How DuckDB reads a batch of files (listed in the temp table <c>stg_batch</c>): a SELECT yielding one
/// text column per schema column (NULL where the files lack an optional one), <c>__file</c> (the file's
/// index in the batch), <c>__gord</c> (ordinal of the row among the rows DuckDB could split, over the
/// whole batch), <c>__raw</c> (the line, for JSON Lines) and <c>__json_ok</c>. Rows DuckDB cannot split
/// (wrong column count, invalid UTF-8) land in the rejects tables <c>{rejects}_t</c>/<c>{rejects}_s</c>.
/// </summary>
/// <param name="SelectTemplate">The SELECT, with <see cref="RejectsToken"/> where the rejects tables' prefix goes,
/// <see cref="OrdinalToken"/> where the ordinal column's value goes and <see cref="OrdinalityToken"/> after the
/// table function that numbers the rows.</param>
/// <param name="HeaderLines">Lines before the first row of each file (1 for CSV).</param>
/// <param name="Columns">The text columns the SELECT yields, in file order.</param>
internal sealed record SourcePlan(string SelectTemplate, int HeaderLines, IReadOnlyList<string> Columns)
{
    public const string RejectsToken = "{rejects}";
    public const string OrdinalToken = "{ordinal}";
    public const string OrdinalityToken = "{with_ordinality}";

    /// <summary>
    /// The SELECT reading the batch, its rejects going to <c>{rejects}_t</c>/<c>{rejects}_s</c>. <c>WITH ORDINALITY</c>
    /// numbers the rows, which makes DuckDB run the whole query on one thread.
    /// </summary>
    public string Select(string rejects) => Fill(rejects, "ordinality", " WITH ORDINALITY");

    /// <summary>
    /// The same rows, read in parallel, each taking its ordinal from <paramref name="lines"/> (a table of
    /// <c>__file</c>, <c>__gord</c> and <c>__key</c>, built from <see cref="Select"/>) by file and
    /// <paramref name="key"/> (SQL over the text columns of alias <c>src</c>). Right only when each
    /// (<c>__file</c>, <c>__key</c>) occurs once in <paramref name="lines"/>.
    /// </summary>
    public string SelectNumberedBy(string rejects, string lines, string key) =>
        $"SELECT src.* EXCLUDE (__gord), l.__gord FROM ({Fill(rejects, "NULL::BIGINT", "")}) src " +
        $"JOIN {lines} l ON src.__file = l.__file AND l.__key = {key}";

    private string Fill(string rejects, string ordinal, string ordinality) =>
        SelectTemplate.Replace(RejectsToken, rejects, StringComparison.Ordinal)
            .Replace(OrdinalToken, ordinal, StringComparison.Ordinal)
            .Replace(OrdinalityToken, ordinality, StringComparison.Ordinal);
}
