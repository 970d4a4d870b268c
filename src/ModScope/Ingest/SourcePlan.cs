namespace ModScope.Ingest;

/// <summary>
/// How to read one file with DuckDB: a SELECT yielding one text column per schema column (NULL where
/// the file lacks an optional one), <c>__ord</c> (ordinal among the rows DuckDB could split), <c>__raw</c>
/// (the line, for JSON Lines) and <c>__json_ok</c>. It binds <c>$path</c>. Rows DuckDB cannot split
/// (wrong column count, invalid UTF-8) land in the rejects table <c>stg_rej_t</c> as it runs.
/// </summary>
/// <param name="HeaderLines">Lines before the first row (1 for CSV).</param>
/// <param name="Columns">The text columns the SELECT yields, in file order.</param>
/// <param name="HeaderProblem">Why the file cannot be mapped to its table; then the columns are positional.</param>
internal sealed record SourcePlan(string SelectSql, int HeaderLines, IReadOnlyList<string> Columns, HeaderProblem? HeaderProblem);

/// <summary>A header that does not fit the table: the column at fault and the rule it breaks.</summary>
internal sealed record HeaderProblem(string Field, string Message);
