using System.Globalization;
using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Reads one file into the temp table <c>stg</c>, every value as text, with DuckDB's own readers.
/// CSV and JSON Lines go through <c>read_csv</c> with a rejects table, so rows it cannot split
/// (wrong column count, invalid UTF-8, a truncated last line) are kept with their line number
/// instead of failing the file.
/// </summary>
internal sealed class Stager(SqlRunner sql)
{
    private const string UnitSeparator = "\u001f";
    private const string EmptyObject = "'{}'";
    private const string OpenBrace = "{";

    public StagedFile Stage(InputFile file)
    {
        sql.Execute("DROP TABLE IF EXISTS stg");
        sql.Execute("DROP TABLE IF EXISTS stg_rej");
        sql.Execute("DROP TABLE IF EXISTS stg_rej_t");
        sql.Execute("DROP TABLE IF EXISTS stg_rej_s");
        sql.Execute("DROP TABLE IF EXISTS stg_rej_g");
        sql.Execute("CREATE TEMP TABLE stg_rej (line BIGINT, field VARCHAR, rule VARCHAR, message VARCHAR, raw VARCHAR)");

        return file.Format switch
        {
            InputFormat.Csv => StageCsv(file),
            InputFormat.Jsonl => StageJsonLines(file),
            InputFormat.Parquet => StageParquet(file),
            _ => throw new ArgumentOutOfRangeException(nameof(file), file.Format, "Unknown format."),
        };
    }

    private StagedFile StageCsv(InputFile file)
    {
        var header = CsvHeader.Read(file.Path);
        var problem = HeaderCheck.Check(file.Table, header, file.Name);
        // With a bad header the columns are read positionally under neutral names, so every row can be quarantined.
        var names = problem is null
            ? header.Select(h => file.Table.Find(h)!.Name).ToList()
            : header.Select((_, i) => $"c{i}").ToList();
        var columns = "{" + string.Join(", ", names.Select(n => $"{Literal(n)}: 'VARCHAR'")) + "}";
        var select = problem is null ? SchemaColumns(file.Table, names) : string.Join(", ", names.Select(Quote));
        sql.Execute($"""
            CREATE TEMP TABLE stg AS
            SELECT {select}, ordinality AS __ord, NULL::VARCHAR AS __raw, true AS __json_ok
            FROM read_csv($path, columns = {columns}, header = true, auto_detect = false,
                          delim = ',', quote = '"', escape = '"', store_rejects = true,
                          rejects_table = 'stg_rej_t', rejects_scan = 'stg_rej_s') WITH ORDINALITY
            """, ("path", file.Path));
        var rawSql = RawCsv(problem is null ? file.Table.Columns.Select(c => c.Name).Where(names.Contains) : names);
        return Finish(headerLines: 1, rawSql, problem);
    }

    private StagedFile StageJsonLines(InputFile file)
    {
        var paths = string.Join(", ", file.Table.Columns.Select(c => Literal("$." + QuoteJsonKey(c.Name))));
        var columns = string.Join(", ", file.Table.Columns.Select((c, i) =>
            $"__v[{(i + 1).ToString(CultureInfo.InvariantCulture)}] AS {Quote(c.Name)}"));
        const string lineColumn = "{'line': 'VARCHAR'}";
        sql.Execute($"""
            CREATE TEMP TABLE stg AS
            WITH lines AS (
                SELECT line AS __raw, ordinality AS __ord,
                       coalesce(json_valid(line) AND starts_with(ltrim(line), '{OpenBrace}'), false) AS __json_ok
                FROM read_csv($path, columns = {lineColumn}, header = false, auto_detect = false,
                              delim = '{UnitSeparator}', quote = '', escape = '', store_rejects = true,
                              rejects_table = 'stg_rej_t', rejects_scan = 'stg_rej_s') WITH ORDINALITY)
            SELECT {columns}, __ord, __raw, __json_ok
            FROM (SELECT *, json_extract_string(CASE WHEN __json_ok THEN __raw ELSE {EmptyObject} END, [{paths}]) AS __v FROM lines)
            """, ("path", file.Path));
        return Finish(headerLines: 0, "__raw", null);
    }

    private StagedFile StageParquet(InputFile file)
    {
        var header = sql.Rows("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet($path))",
            r => r.GetString(0), ("path", file.Path));
        var problem = HeaderCheck.Check(file.Table, header, file.Name);
        var names = problem is null ? header.Select(h => file.Table.Find(h)!.Name).ToList() : header.ToList();
        var select = problem is null
            ? SchemaColumns(file.Table, names, castSource: header)
            : string.Join(", ", header.Select(h => $"CAST({Quote(h)} AS VARCHAR) AS {Quote(h)}"));
        sql.Execute($"""
            CREATE TEMP TABLE stg AS
            SELECT {select}, ordinality AS __ord, NULL::VARCHAR AS __raw, true AS __json_ok
            FROM read_parquet($path) WITH ORDINALITY
            """, ("path", file.Path));
        sql.Execute("CREATE TEMP TABLE stg_rej_t (line BIGINT, column_name VARCHAR, error_type VARCHAR, error_message VARCHAR, csv_line VARCHAR)");
        var rawSql = RawCsv(problem is null ? file.Table.Columns.Select(c => c.Name).Where(names.Contains) : names);
        return Finish(headerLines: 0, rawSql, problem);
    }

    /// <summary>Moves DuckDB's rejects into stg_rej and works out how staged rows map to lines.</summary>
    private StagedFile Finish(int headerLines, string rawSql, HeaderProblem? problem)
    {
        sql.Execute($"""
            INSERT INTO stg_rej
            SELECT line, column_name,
                   CASE CAST(error_type AS VARCHAR)
                       WHEN 'MISSING COLUMNS' THEN '{QuarantineRules.MissingColumns}'
                       WHEN 'TOO MANY COLUMNS' THEN '{QuarantineRules.ExtraColumns}'
                       WHEN 'INVALID ENCODING' THEN '{QuarantineRules.InvalidUtf8}'
                       WHEN 'INVALID UNICODE' THEN '{QuarantineRules.InvalidUtf8}'
                       ELSE '{QuarantineRules.MalformedRow}' END,
                   CAST(error_type AS VARCHAR) || ': ' || error_message, csv_line
            FROM (SELECT *, row_number() OVER (PARTITION BY line ORDER BY column_idx) AS n FROM stg_rej_t)
            WHERE n = 1
            """);
        var offset = headerLines.ToString(CultureInfo.InvariantCulture);
        if (sql.ScalarLong("SELECT count(*) FROM stg_rej") == 0)
        {
            return new StagedFile($"(__ord + {offset})", rawSql, problem);
        }

        // Rows DuckDB rejected do not get an ordinal. With rejected lines r_1 < r_2 < ... (1-based,
        // counting the header), g_i = r_i - i is the number of good rows before r_i, so the k-th good
        // row sits on line k + header + #{ i : g_i <= k - 1 }.
        sql.Execute($"""
            CREATE TEMP TABLE stg_rej_g AS
            SELECT line - {offset} - row_number() OVER (ORDER BY line) AS g FROM stg_rej
            """);
        return new StagedFile(
            $"(__ord + {offset} + (SELECT count(*) FROM stg_rej_g WHERE stg_rej_g.g <= __ord - 1))", rawSql, problem);
    }

    /// <summary>Every schema column as text, NULL where the file lacks an optional one.</summary>
    private static string SchemaColumns(TableSchema table, List<string> present, List<string>? castSource = null) =>
        string.Join(", ", table.Columns.Select(c =>
        {
            var index = present.FindIndex(p => p == c.Name);
            if (index < 0)
            {
                return $"NULL::VARCHAR AS {Quote(c.Name)}";
            }
            var source = castSource is null ? Quote(c.Name) : Quote(castSource[index]);
            return $"CAST({source} AS VARCHAR) AS {Quote(c.Name)}";
        }));

    /// <summary>SQL rebuilding a CSV line from staged text columns (quoting where needed).</summary>
    private static string RawCsv(IEnumerable<string> columns) =>
        "concat_ws(',', " + string.Join(", ", columns.Select(c =>
            $"CASE WHEN {Quote(c)} IS NULL THEN '' WHEN regexp_matches({Quote(c)}, '[,\"\\n\\r]') " +
            $"THEN '\"' || replace({Quote(c)}, '\"', '\"\"') || '\"' ELSE {Quote(c)} END")) + ")";

    private static string QuoteJsonKey(string key) => "\"" + key + "\"";
}
