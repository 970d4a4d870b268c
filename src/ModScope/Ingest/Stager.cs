using System.Globalization;
using ModScope.Common;
using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Plans how DuckDB reads a batch of files, every value as text. CSV and JSON Lines go through
/// <c>read_csv</c> with a rejects table, so rows it cannot split (wrong column count, invalid UTF-8, a
/// truncated last line) are kept with their line number instead of failing the file. Only CSV headers
/// and Parquet schemas are read here.
/// </summary>
internal sealed class Stager(SqlRunner sql)
{
    private const string UnitSeparator = "\u001f";
    private const string EmptyObject = "'{}'";
    // The file's index in the list read (DuckDB's virtual column): the batch's __file, without a join on the path.
    private const string FileIndex = "CAST(file_index AS INTEGER) AS __file";
    private const string OpenBrace = "{";
    private const string Rejects = "filename = true, store_rejects = true, rejects_table = '" + SourcePlan.RejectsToken + "_t', rejects_scan = '" + SourcePlan.RejectsToken + "_s'";

    /// <summary>
    /// The columns a file carries, or why its header does not fit its table, or why it cannot be read at all (a
    /// header over <see cref="InputLimits"/>, a Parquet file DuckDB cannot open or whose pages lie past its end).
    /// Run outside the load's transaction: a failing statement would end it.
    /// </summary>
    public FileShape Shape(InputFile file)
    {
        IReadOnlyList<string> header;
        var nested = new List<string>();
        if (file.Format == InputFormat.Parquet)
        {
            List<(string Name, string Type)> schema;
            try
            {
                schema = sql.Rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($path))",
                    r => (r.GetString(0), r.GetString(1)), ("path", file.ReadPath));
                var end = sql.ScalarLong("SELECT coalesce(max(coalesce(dictionary_page_offset, data_page_offset) + total_compressed_size), 0) FROM parquet_metadata($path)",
                    ("path", file.ReadPath));
                if (end > file.Bytes)
                {
                    return Unreadable(QuarantineRules.UnreadableFile, $"{file.Name}: its column data ends at byte {end} but the file has {file.Bytes} (truncated Parquet)");
                }
            }
            catch (DuckDB.NET.Data.DuckDBException ex)
            {
                return Unreadable(QuarantineRules.UnreadableFile, $"{file.Name}: not a readable Parquet file ({FirstLine(ex.Message)})");
            }
            if (schema.Count > InputLimits.MaxColumns)
            {
                return Unreadable(QuarantineRules.HeaderTooLarge, $"{file.Name}: its schema has {schema.Count:N0} columns; at most {InputLimits.MaxColumns:N0} are read");
            }
            header = schema.Select(c => c.Name).ToList();
            nested.AddRange(schema.Where(c => IsNested(c.Type)).Select(c => c.Name));
        }
        else if (file.Format == InputFormat.Csv)
        {
            var (columns, problem) = CsvHeader.Read(file.Path);
            if (problem is not null)
            {
                return Unreadable(QuarantineRules.HeaderTooLarge, $"{file.Name}: {problem}");
            }
            header = columns;
        }
        else
        {
            header = file.Table.Columns.Select(c => c.FileName).ToList();
        }
        var mismatch = HeaderCheck.Check(file.Table, header, file.Name);
        return mismatch is null
            ? new FileShape(header.Select(h => file.Table.FromFile(h)!.Name).ToList(), null, nested.Select(n => file.Table.FromFile(n)!.Name).ToList())
            : new FileShape(header.ToList(), mismatch);
    }

    private static FileShape Unreadable(string rule, string message) => new([], null, null, new FileProblem(rule, message));

    /// <summary>A DuckDB type that holds more than one value: STRUCT, MAP, UNION, a LIST (<c>T[]</c>) or an ARRAY (<c>T[n]</c>).</summary>
    private static bool IsNested(string type) =>
        type.StartsWith("STRUCT", StringComparison.Ordinal) || type.StartsWith("MAP", StringComparison.Ordinal)
        || type.StartsWith("UNION", StringComparison.Ordinal) || type.EndsWith(']');

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>Creates <c>stg_batch</c> and <c>stg_rej</c> for a batch and returns how to read it.</summary>
    public SourcePlan Plan(FileBatch batch)
    {
        foreach (var table in new[] { "stg_batch", "stg_rej", "stg_rej_t", "stg_rej_s", "stg_rej_g", "stg_scratch_t", "stg_scratch_s", "stg_main_t", "stg_main_s" })
        {
            sql.Execute($"DROP TABLE IF EXISTS {table}");
        }
        sql.Execute("CREATE TEMP TABLE stg_batch (__file INTEGER, __path VARCHAR, __name VARCHAR, __file_id BIGINT)");
        for (var i = 0; i < batch.Files.Count; i++)
        {
            sql.Execute("INSERT INTO stg_batch VALUES ($i, $path, $name, $id)",
                ("i", i), ("path", batch.Files[i].ReadPath), ("name", batch.Files[i].Name), ("id", batch.FileIds[i]));
        }
        sql.Execute("CREATE TEMP TABLE stg_rej (__file INTEGER, line BIGINT, field VARCHAR, rule VARCHAR, message VARCHAR, raw VARCHAR)");

        // Each file by its own literal path: ReadPath has no glob characters (see LiteralPaths).
        var paths = "[" + string.Join(", ", batch.Files.Select(f => Literal(f.ReadPath))) + "]";
        var file = batch.First;
        var problem = batch.Shape.Problem;
        // With a bad header the columns are read positionally under neutral names, so every row can be quarantined.
        var names = problem is null ? batch.Shape.Columns : batch.Shape.Columns.Select((_, i) => $"c{i}").ToList();
        return file.Format switch
        {
            InputFormat.Csv => PlanCsv(file.Table, paths, names, problem is null),
            InputFormat.Jsonl => PlanJsonLines(file.Table, paths),
            InputFormat.Parquet => PlanParquet(file.Table, paths, batch.Shape.Columns, names, problem is null, batch.Shape.NestedColumns),
            _ => throw new ArgumentOutOfRangeException(nameof(batch), file.Format, "Unknown format."),
        };
    }

    private static SourcePlan PlanCsv(TableSchema table, string paths, IReadOnlyList<string> names, bool mapped)
    {
        var columns = "{" + string.Join(", ", names.Select(n => $"{Literal(n)}: 'VARCHAR'")) + "}";
        var select = mapped ? SchemaColumns(table, names, names) : string.Join(", ", names.Select(Quote));
        return new SourcePlan($"""
            SELECT {select}, {FileIndex}, {SourcePlan.OrdinalToken} AS __gord, NULL::VARCHAR AS __raw, true AS __json_ok, NULL::VARCHAR AS __nested
            FROM read_csv({paths}, columns = {columns}, header = true, auto_detect = false,
                          delim = ',', quote = '"', escape = '"', {Rejects}){SourcePlan.OrdinalityToken}
            """, 1, names);
    }

    private static SourcePlan PlanJsonLines(TableSchema table, string paths)
    {
        var jsonPaths = string.Join(", ", table.Columns.Select(c => Literal("$.\"" + c.FileName + "\"")));
        var columns = string.Join(", ", table.Columns.Select((c, i) =>
            $"__v[{(i + 1).ToString(CultureInfo.InvariantCulture)}] AS {Quote(c.Name)}"));
        const string lineColumn = "{'line': 'VARCHAR'}";
        // The first column holding a JSON object or array instead of a scalar, named for the nested_value rule.
        var nested = "CASE " + string.Join(" ", table.Columns.Select((c, i) =>
            $"WHEN __t[{(i + 1).ToString(CultureInfo.InvariantCulture)}] IN ('OBJECT', 'ARRAY') THEN {Literal(c.Name)}")) + " END";
        return new SourcePlan($"""
            SELECT {columns}, __file, __gord, __raw, __json_ok, {nested} AS __nested
            FROM (SELECT *, json_extract_string(CASE WHEN __json_ok THEN __raw ELSE {EmptyObject} END, [{jsonPaths}]) AS __v,
                         json_type(CASE WHEN __json_ok THEN __raw ELSE {EmptyObject} END, [{jsonPaths}]) AS __t
                  FROM (SELECT line AS __raw, {FileIndex}, {SourcePlan.OrdinalToken} AS __gord,
                               coalesce(json_valid(line) AND starts_with(ltrim(line), '{OpenBrace}'), false) AS __json_ok
                        FROM read_csv({paths}, columns = {lineColumn}, header = false, auto_detect = false,
                                      delim = '{UnitSeparator}', quote = '', escape = '', {Rejects}){SourcePlan.OrdinalityToken}))
            """, 0, table.Columns.Select(c => c.Name).ToList());
    }

    private SourcePlan PlanParquet(TableSchema table, string paths, IReadOnlyList<string> header, IReadOnlyList<string> names, bool mapped, IReadOnlyList<string> nestedColumns)
    {
        // A STRUCT, LIST or MAP column: every row holding a value there breaks the nested_value rule.
        // The file's own names (a source mapping may rename them) for what is read, ours for what is reported.
        string Theirs(string column) => mapped ? table.Find(column)!.FileName : column;
        var nested = mapped && nestedColumns.Count > 0
            ? "CASE " + string.Join(" ", nestedColumns.Select(c => $"WHEN {Quote(Theirs(c))} IS NOT NULL THEN {Literal(c)}")) + " END"
            : "NULL::VARCHAR";
        sql.Execute("CREATE TEMP TABLE stg_rej_t (scan_id BIGINT, file_id BIGINT, line BIGINT, column_idx BIGINT, column_name VARCHAR, error_type VARCHAR, error_message VARCHAR, csv_line VARCHAR)");
        sql.Execute("CREATE TEMP TABLE stg_rej_s (scan_id BIGINT, file_id BIGINT, file_path VARCHAR)");
        var select = mapped
            ? SchemaColumns(table, names, header.Select(Theirs).ToList())
            : string.Join(", ", header.Select(h => $"CAST({Quote(h)} AS VARCHAR) AS {Quote(h)}"));
        return new SourcePlan($"""
            SELECT {select}, {FileIndex}, {SourcePlan.OrdinalToken} AS __gord, NULL::VARCHAR AS __raw, true AS __json_ok, {nested} AS __nested
            FROM read_parquet({paths}, filename = true){SourcePlan.OrdinalityToken}
            """, 0, names);
    }

    /// <summary>
    /// After a read of the batch with rejects prefix <c>stg_rej</c>: moves DuckDB's rejects into <c>stg_rej</c>
    /// (one row per rejected line) and returns how many there are.
    /// </summary>
    public long CollectRejects()
    {
        sql.Execute($"""
            INSERT INTO stg_rej
            SELECT b.__file, t.line, t.column_name,
                   CASE CAST(t.error_type AS VARCHAR)
                       WHEN 'MISSING COLUMNS' THEN '{QuarantineRules.MissingColumns}'
                       WHEN 'TOO MANY COLUMNS' THEN '{QuarantineRules.ExtraColumns}'
                       WHEN 'INVALID ENCODING' THEN '{QuarantineRules.InvalidUtf8}'
                       WHEN 'INVALID UNICODE' THEN '{QuarantineRules.InvalidUtf8}'
                       ELSE '{QuarantineRules.MalformedRow}' END,
                   CAST(t.error_type AS VARCHAR) || ': ' || t.error_message, t.csv_line
            FROM (SELECT *, row_number() OVER (PARTITION BY scan_id, file_id, line ORDER BY column_idx) AS n FROM stg_rej_t) t
            JOIN stg_rej_s s USING (scan_id, file_id)
            JOIN stg_batch b ON s.file_path = b.__path
            WHERE t.n = 1
            """);
        var rejected = sql.ScalarLong("SELECT count(*) FROM stg_rej");
        if (rejected > 0)
        {
            // Rejected rows get no ordinal. With a file's rejected lines r_1 < r_2 < ... (counting the header),
            // g_i = r_i - header - i is the number of good rows before r_i, so the row with 0-based ordinal k
            // sits on line k + 1 + header + #{ i : g_i <= k }.
            sql.Execute("""
                CREATE TEMP TABLE stg_rej_g AS
                SELECT __file, line - row_number() OVER (PARTITION BY __file ORDER BY line) AS g FROM stg_rej
                """);
        }
        return rejected;
    }

    /// <summary>
    /// SQL for a row's line in its file, from its file's index in the batch (<paramref name="file"/>) and its
    /// ordinal over the batch (<paramref name="ordinal"/>), given each file's first ordinal and whether
    /// <see cref="CollectRejects"/> found rejected lines.
    /// </summary>
    public static string LineSql(SourcePlan plan, IReadOnlyList<long> firstOrdinals, bool rejects, string file, string ordinal)
    {
        var header = plan.HeaderLines.ToString(CultureInfo.InvariantCulture);
        var first = firstOrdinals.All(f => f == 1)
            ? "1"
            : "[" + string.Join(", ", firstOrdinals.Select(f => f.ToString(CultureInfo.InvariantCulture))) + $"][{file} + 1]";
        // k is a row's ordinal among the rows DuckDB could split in its own file (0-based).
        var k = $"({ordinal} - {first})";
        var line = $"{k} + 1 + {header}";
        return rejects
            ? $"{line} + (SELECT count(*) FROM stg_rej_g g WHERE g.__file = {file} AND g.g - {header} <= {k})"
            : line;
    }

    /// <summary>Every schema column as text (from <paramref name="source"/>), NULL where the file lacks an optional one.</summary>
    private static string SchemaColumns(TableSchema table, IReadOnlyList<string> present, IReadOnlyList<string> source) =>
        string.Join(", ", table.Columns.Select(c =>
        {
            var index = present.ToList().FindIndex(p => p == c.Name);
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
