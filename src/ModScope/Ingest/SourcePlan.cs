namespace ModScope.Ingest;

/// <summary>
/// How DuckDB reads a batch of files (listed in the temp table <c>stg_batch</c>): a SELECT yielding one
/// text column per schema column (NULL where the files lack an optional one), <c>__file</c> (the file's
/// index in the batch), <c>__gord</c> (ordinal of the row among the rows DuckDB could split, over the
/// whole batch), <c>__raw</c> (the line, for JSON Lines) and <c>__json_ok</c>. Rows DuckDB cannot split
/// (wrong column count, invalid UTF-8) land in the rejects tables <c>stg_rej_t</c>/<c>stg_rej_s</c>.
/// </summary>
/// <param name="HeaderLines">Lines before the first row of each file (1 for CSV).</param>
/// <param name="Columns">The text columns the SELECT yields, in file order.</param>
internal sealed record SourcePlan(string SelectSql, int HeaderLines, IReadOnlyList<string> Columns);
