using ModScope.Common;
using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Loads a batch of files inside the load's transaction: read and check them in one pass straight into the
/// table, replace older versions, quarantine bad rows, park orphans. Throws only when a file cannot be read.
/// </summary>
internal sealed class FileLoader(SqlRunner sql, IngestOptions options, DateTime now)
{
    /// <summary>
    /// A file that is not read at all (empty, unreadable, a header over the limits): one quarantine entry for the
    /// whole file, with no line, and a result that read no row, so rows read = loaded + quarantined holds for it too.
    /// </summary>
    public FileResult LoadUnread(InputFile file, long fileId, FileProblem problem)
    {
        sql.Execute("INSERT INTO quarantine VALUES ($file, $table, NULL, NULL, $rule, $message, '', 'rejected', $now, NULL)",
            ("file", fileId), ("table", file.Table.Name), ("rule", problem.Rule), ("message", problem.Message), ("now", now));
        return new FileResult(file.Path, file.Table.Name, file.Format, FileStatus.Rejected, 0, 0, 0, 0, 0,
            new Dictionary<string, long>(), problem.Message);
    }

    public IReadOnlyList<FileResult> LoadBatch(FileBatch batch)
    {
        var stager = new Stager(sql);
        try
        {
            var plan = stager.Plan(batch);
            return batch.Shape.Problem is { } problem
                ? [LoadRejectedFile(batch, plan, problem, stager)]
                : LoadRows(batch, plan, stager);
        }
        catch (DuckDB.NET.Data.DuckDBException ex) when (!ex.Message.Contains("INTERRUPT", StringComparison.OrdinalIgnoreCase)
                                                         && !ex.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)
                                                         && !ModScope.Store.StoreErrors.IsDamage(ex.Message))
        {
            // Checks made before the load (gzip, Parquet footer, line ends, header size) catch the files DuckDB is known
            // to stop on; a file that still stops it ends the load's transaction, so the load fails naming it.
            var names = batch.Files.Count == 1 ? batch.First.Path : $"one of {string.Join(", ", batch.Files.Select(f => f.Path))}";
            throw new IngestException($"{names}: cannot be read as {batch.First.Format}: {ex.Message.Split('\n')[0]}; nothing was loaded", ex);
        }
    }

    /// <summary>
    /// Numbers the batch's rows with a narrow read (<see cref="RowNumbers"/>), then reads and checks the batch once,
    /// in parallel where rows can take their number by key, inserting its good rows straight into the table (line =
    /// ordinal + header for now). Only when rows are missing from that count (by the files' line counts) does a
    /// second read keep the failing rows; then lines are put right where files share the batch or rows were
    /// rejected, in-batch duplicates leave, and replaced rows of earlier loads go.
    /// </summary>
    private List<FileResult> LoadRows(FileBatch batch, SourcePlan plan, Stager stager)
    {
        var table = batch.First.Table;
        var name = Quote(table.Name);
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        var hadRows = sql.ScalarLong($"SELECT count(*) FROM (SELECT 1 FROM {name} LIMIT 1)") > 0;
        var header = plan.HeaderLines;

        var numbers = RowNumbers.Build(sql, batch, plan, "stg_rej");
        var rejected = stager.CollectRejects();
        // Row order in the table does not matter (each row carries its file and line), so DuckDB may insert in parallel.
        sql.Execute("SET preserve_insertion_order = false");
        var inserted = Check($"INSERT INTO {name} ({columns}, file_id, line) SELECT {columns}, __file_id, __gord + {header} " +
                             $"FROM ({ValidationSql.Build(table, plan, numbers.Source(table, plan, "stg_main"), batch, AssumesTimeZone, options.Waits(table))}) WHERE __fail IS NULL");
        sql.Execute("RESET preserve_insertion_order");

        // Every row read or rejected takes at least one line: if good rows and rejected lines fill every line, no row failed.
        var lines = batch.Lines.All(l => l.HasValue) ? batch.Lines.Sum(l => l!.Value) - header * batch.Files.Count : (long?)null;
        var failed = lines != inserted + rejected;
        if (failed)
        {
            Check($"CREATE OR REPLACE TEMP TABLE chk0 AS SELECT * FROM ({ValidationSql.Build(table, plan, numbers.Source(table, plan, "stg_scratch"), batch, AssumesTimeZone, options.Waits(table))}) " +
                  "WHERE __fail IS NOT NULL");
        }
        RowNumbers.Drop(sql);

        var firsts = FirstOrdinals(batch, name, header, failed);
        var fileIndex = $"CAST(list_position({batch.IdList}, file_id) - 1 AS INTEGER)";
        if (firsts.Any(f => f != 1) || rejected > 0)
        {
            sql.Execute($"UPDATE {name} SET line = {Stager.LineSql(plan, firsts, rejected > 0, fileIndex, $"(line - {header})")} WHERE {batch.Holds("file_id")}");
        }
        if (failed)
        {
            sql.Execute($"CREATE OR REPLACE TEMP VIEW chk AS SELECT c.*, {Stager.LineSql(plan, firsts, rejected > 0, "c.__file", "c.__gord")} AS __line FROM chk0 c");
            sql.Execute(ValidationSql.NameExistingFiles());
        }
        // With every key once in the batch (and every row loaded), no stored row of the batch can repeat a key.
        var duplicates = failed || !numbers.UniqueInBatch ? BatchDuplicates.Remove(sql, table, batch, now) : [];
        var replaced = hadRows && (table.ReplacesSameKey || table.Find("version") is not null) ? Replacements.Apply(sql, table, batch) : [];

        if (failed)
        {
            var waiting = $"__fail.rule IN ({string.Join(", ", WaitingRules(table).Select(Literal))})";
            sql.Execute($"""
                INSERT INTO quarantine
                SELECT __file_id, $table, __line, __fail.field, __fail.rule, __fail.message, __raw_row,
                       CASE WHEN {waiting} THEN 'pending' ELSE 'rejected' END, $now, NULL
                FROM chk
                """, ("table", table.Name), ("now", now));
            if (table.HasPendingTable)
            {
                sql.Execute($"INSERT INTO pending_{table.Name} ({columns}, file_id, line) SELECT {columns}, __file_id, __line FROM chk WHERE {waiting}");
            }
        }
        QuarantineStructuralRejects(table);

        // Each file's rows now in the table (its in-batch duplicates gone); a file whose every row repeated another's has none.
        var loadedRows = batch.Files.Count == 1
            ? new Dictionary<int, long> { [0] = inserted - duplicates.GetValueOrDefault(0) }
            : sql.Rows($"SELECT {fileIndex}, count(*) FROM {name} WHERE {batch.Holds("file_id")} GROUP BY ALL", r => (File: r.GetInt32(0), Count: r.GetInt64(1)))
                .ToDictionary(r => r.File, r => r.Count);
        var failing = failed ? "SELECT __file, __fail.rule AS rule FROM chk0 UNION ALL " : "";
        var rules = sql.Rows($"""
            SELECT __file, rule, count(*) FROM ({failing}SELECT __file, rule FROM stg_rej)
            GROUP BY ALL ORDER BY 1, 2
            """, r => (File: r.GetInt32(0), Rule: r.GetString(1), Count: r.GetInt64(2)));
        if (failed)
        {
            sql.Execute("DROP VIEW chk");
            sql.Execute("DROP TABLE chk0");
        }

        return batch.Files.Select((file, i) =>
        {
            var byRule = rules.Where(r => r.File == i).ToDictionary(r => r.Rule, r => r.Count);
            if (duplicates.TryGetValue(i, out var repeated))
            {
                byRule[QuarantineRules.DuplicateId] = byRule.GetValueOrDefault(QuarantineRules.DuplicateId) + repeated;
            }
            var quarantined = byRule.Values.Sum();
            var loaded = loadedRows.GetValueOrDefault(i);
            // Every row read is loaded or quarantined (pending ones included), exactly once.
            return new FileResult(file.Path, table.Name, file.Format, FileStatus.Loaded, loaded + quarantined,
                loaded, replaced.GetValueOrDefault(i), quarantined, WaitingRules(table).Sum(byRule.GetValueOrDefault), byRule);
        }).ToList();
    }

    private bool AssumesTimeZone => options.AssumeTimeZone is not null;

    /// <summary>
    /// The rules under which a failing row of the table waits as pending instead of being rejected: an audit or appeal
    /// without its decision; a decision, staffing or reference row naming a reference code not loaded yet (unless the options say not).
    /// </summary>
    private List<string> WaitingRules(TableSchema table) =>
        options.Waits(table)
            ? [QuarantineRules.OrphanReference, QuarantineRules.UnknownReference]
            : [QuarantineRules.OrphanReference];

    /// <summary>Runs a statement built by <see cref="ValidationSql"/>, binding the time window and the time zone it may use.</summary>
    private int Check(string statement)
    {
        var (earliest, latest) = options.Window(now);
        return options.AssumeTimeZone is { } zone
            ? sql.Execute(statement, ("earliest", earliest), ("latest", latest), ("tz", zone))
            : sql.Execute(statement, ("earliest", earliest), ("latest", latest));
    }

    /// <summary>
    /// Each file's first ordinal over the batch: 1 for a single file; otherwise the smallest among its good
    /// rows (stored, line = ordinal + header until put right) and its failing rows (in <c>chk0</c> when some failed).
    /// </summary>
    private List<long> FirstOrdinals(FileBatch batch, string name, int header, bool failed)
    {
        if (batch.Files.Count == 1)
        {
            return [1];
        }
        var firsts = sql.Rows($"""
            SELECT f, min(o) FROM (
                SELECT CAST(list_position({batch.IdList}, file_id) - 1 AS INTEGER) AS f, line - {header} AS o FROM {name} WHERE {batch.Holds("file_id")}
                {(failed ? "UNION ALL SELECT __file, __gord FROM chk0" : "")})
            GROUP BY f
            """, r => (File: r.GetInt32(0), First: r.GetInt64(1))).ToDictionary(r => r.File, r => r.First);
        return batch.Files.Select((_, i) => firsts.GetValueOrDefault(i, 1)).ToList();
    }

    /// <summary>A header that does not fit: every row of the (single-file) batch goes to quarantine under <c>wrong_header</c>.</summary>
    private FileResult LoadRejectedFile(FileBatch batch, SourcePlan plan, HeaderProblem problem, Stager stager)
    {
        var file = batch.First;
        sql.Execute("DROP TABLE IF EXISTS stg");
        sql.Execute($"CREATE TEMP TABLE stg AS {plan.Select("stg_rej")}");
        var rejected = stager.CollectRejects();
        var raw = Stager.RawCsv(plan.Columns.Select(c => "c." + Quote(c)));
        sql.Execute($"""
            INSERT INTO quarantine
            SELECT {batch.IdList}[c.__file + 1], $table, {Stager.LineSql(plan, [1], rejected > 0, "c.__file", "c.__gord")}, $field,
                   '{QuarantineRules.WrongHeader}', $message, coalesce(c.__raw, {raw}), 'rejected', $now, NULL
            FROM stg c
            """, ("table", file.Table.Name), ("field", problem.Field), ("message", problem.Message), ("now", now));
        sql.Execute("UPDATE stg_rej SET rule = $rule, field = $field, message = $message",
            ("rule", QuarantineRules.WrongHeader), ("field", problem.Field), ("message", problem.Message));
        QuarantineStructuralRejects(file.Table);
        var total = sql.ScalarLong("SELECT count(*) FROM stg") + rejected;
        sql.Execute("DROP TABLE stg");
        return new FileResult(file.Path, file.Table.Name, file.Format, FileStatus.Rejected, total, 0, 0, total, 0,
            new Dictionary<string, long> { [QuarantineRules.WrongHeader] = total }, problem.Message);
    }

    private void QuarantineStructuralRejects(TableSchema table) =>
        sql.Execute(
            "INSERT INTO quarantine SELECT b.__file_id, $table, line, field, rule, message, raw, 'rejected', $now, NULL FROM stg_rej JOIN stg_batch b USING (__file)",
            ("table", table.Name), ("now", now));
}
