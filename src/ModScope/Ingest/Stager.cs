using System.Globalization;
using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Plans how DuckDB reads a file, every value as text. CSV and JSON Lines go through <c>read_csv</c> with
/// a rejects table, so rows it cannot split (wrong column count, invalid UTF-8, a truncated last line)
/// are kept with their line number instead of failing the file. Only the CSV header is read here.
/// </summary>
internal sealed class Stager(SqlRunner sql)
{
    private const string UnitSeparator = "\u001f";
    private const string EmptyObject = "'{}'";
    private const string OpenBrace = "{";
    private const string Rejects = "store_rejects = true, rejects_table = 'stg_rej_t', rejects_scan = 'stg_rej_s'";

    public SourcePlan Plan(InputFile file)
    {
        foreach (var table in new[] { "stg_rej", "stg_rej_t", "stg_rej_s", "stg_rej_g" })
        {
            sql.Execute($"DROP TABLE IF EXISTS {table}");
        }
        sql.Execute("CREATE TEMP TABLE stg_rej (line BIGINT, field VARCHAR, rule VARCHAR, message VARCHAR, raw VARCHAR)");
        return file.Format switch
        {
            InputFormat.Csv => PlanCsv(file),
            InputFormat.Jsonl => PlanJsonLines(file),
            InputFormat.Parquet => PlanParquet(file),
            _ => throw new ArgumentOutOfRangeException(nameof(file), file.Format, "Unknown format."),
        };
    }

    private static SourcePlan PlanCsv(InputFile file)
    {
        var header = CsvHeader.Read(file.Path);
        var problem = HeaderCheck.Check(file.Table, header, file.Name);
        // With a bad header the columns are read positionally under neutral names, so every row can be quarantined.
        var names = problem is null ? header.Select(h => file.Table.Find(h)!.Name).ToList() : header.Select((_, i) => $"c{i}").ToList();
        var columns = "{" + string.Join(", ", names.Select(n => $"{Literal(n)}: 'VARCHAR'")) + "}";
        var select = problem is null ? SchemaColumns(file.Table, names, names) : string.Join(", ", names.Select(Quote));
        return new SourcePlan($"""
            SELECT {select}, ordinality AS __ord, NULL::VARCHAR AS __raw, true AS __json_ok
            FROM read_csv($path, columns = {columns}, header = true, auto_detect = false,
                          delim = ',', quote = '"', escape = '"', {Rejects}) WITH ORDINALITY
            """, 1, names, problem);
    }

    private static SourcePlan PlanJsonLines(InputFile file)
    {
        var paths = string.Join(", ", file.Table.Columns.Select(c => Literal("$.\"" + c.Name + "\"")));
        var columns = string.Join(", ", file.Table.Columns.Select((c, i) =>
            $"__v[{(i + 1).ToString(CultureInfo.InvariantCulture)}] AS {Quote(c.Name)}"));
        const string lineColumn = "{'line': 'VARCHAR'}";
        return new SourcePlan($"""
            SELECT {columns}, __ord, __raw, __json_ok
            FROM (SELECT *, json_extract_string(CASE WHEN __json_ok THEN __raw ELSE {EmptyObject} END, [{paths}]) AS __v
                  FROM (SELECT line AS __raw, ordinality AS __ord,
                               coalesce(json_valid(line) AND starts_with(ltrim(line), '{OpenBrace}'), false) AS __json_ok
                        FROM read_csv($path, columns = {lineColumn}, header = false, auto_detect = false,
                                      delim = '{UnitSeparator}', quote = '', escape = '', {Rejects}) WITH ORDINALITY))
            """, 0, file.Table.Columns.Select(c => c.Name).ToList(), null);
    }

    private SourcePlan PlanParquet(InputFile file)
    {
        var header = sql.Rows("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet($path))", r => r.GetString(0), ("path", file.Path));
        sql.Execute("CREATE TEMP TABLE stg_rej_t (line BIGINT, column_idx BIGINT, column_name VARCHAR, error_type VARCHAR, error_message VARCHAR, csv_line VARCHAR)");
        var problem = HeaderCheck.Check(file.Table, header, file.Name);
        var names = problem is null ? header.Select(h => file.Table.Find(h)!.Name).ToList() : header;
        var select = problem is null
            ? SchemaColumns(file.Table, names, header)
            : string.Join(", ", header.Select(h => $"CAST({Quote(h)} AS VARCHAR) AS {Quote(h)}"));
        return new SourcePlan($"""
            SELECT {select}, ordinality AS __ord, NULL::VARCHAR AS __raw, true AS __json_ok
            FROM read_parquet($path) WITH ORDINALITY
            """, 0, names, problem);
    }

    /// <summary>
    /// After the source was read: moves DuckDB's rejects into <c>stg_rej</c> and returns the SQL that maps
    /// a row ordinal (<paramref name="ordinal"/>) to its line in the file.
    /// </summary>
    public string CollectRejects(SourcePlan plan, string ordinal = "__ord")
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
        var offset = plan.HeaderLines.ToString(CultureInfo.InvariantCulture);
        if (sql.ScalarLong("SELECT count(*) FROM stg_rej") == 0)
        {
            return $"({ordinal} + {offset})";
        }
        // Rows DuckDB rejected get no ordinal. With rejected lines r_1 < r_2 < ... (counting the header),
        // g_i = r_i - header - i is the number of good rows before r_i, so the k-th good row sits on
        // line k + header + #{ i : g_i <= k - 1 }.
        sql.Execute($"""
            CREATE TEMP TABLE stg_rej_g AS
            SELECT line - {offset} - row_number() OVER (ORDER BY line) AS g FROM stg_rej
            """);
        return $"({ordinal} + {offset} + (SELECT count(*) FROM stg_rej_g WHERE stg_rej_g.g <= {ordinal} - 1))";
    }

    /// <summary>Every schema column as text (from <paramref name="source"/>), NULL where the file lacks an optional one.</summary>
    private static string SchemaColumns(TableSchema table, List<string> present, List<string> source) =>
        string.Join(", ", table.Columns.Select(c =>
        {
            var index = present.FindIndex(p => p == c.Name);
            return index < 0
                ? $"NULL::VARCHAR AS {Quote(c.Name)}"
                : $"CAST({Quote(source[index])} AS VARCHAR) AS {Quote(c.Name)}";
        }));

    /// <summary>SQL rebuilding a CSV line from text columns (quoting where needed).</summary>
    public static string RawCsv(IEnumerable<string> columns) =>
        "concat_ws(',', " + string.Join(", ", columns.Select(c =>
            $"CASE WHEN {c} IS NULL THEN '' WHEN regexp_matches({c}, '[,\"\\n\\r]') " +
            $"THEN '\"' || replace({c}, '\"', '\"\"') || '\"' ELSE {c} END")) + ")";
}
