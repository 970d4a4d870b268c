namespace ModScope.Ingest;

/// <summary>
/// A file read into the temp table <c>stg</c>: one VARCHAR column per schema column (NULL where the
/// file lacks an optional column), <c>__ord</c> (row ordinal among rows read), <c>__raw</c> and
/// <c>__json_ok</c>. Rows DuckDB could not split (wrong column count, bad UTF-8) are in <c>stg_rej</c>.
/// </summary>
/// <param name="LineSql">SQL giving a staged row's line number in the file from <c>__ord</c>.</param>
/// <param name="RawSql">SQL rebuilding a staged row's text for quarantine.</param>
/// <param name="HeaderProblem">Why the file cannot be mapped to its table (then every row is quarantined).</param>
internal sealed record StagedFile(string LineSql, string RawSql, HeaderProblem? HeaderProblem);

/// <summary>A header that does not fit the table: the column at fault and the rule it breaks.</summary>
internal sealed record HeaderProblem(string Field, string Message);
