using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Loads a batch of files inside the load's transaction: read and check them in one pass, replace newer
/// versions, insert good rows, quarantine bad ones, park orphans. Throws only when a file cannot be read.
/// </summary>
internal sealed class FileLoader(SqlRunner sql, IngestOptions options, DateTime now)
{
    public FileResult LoadEmpty(InputFile file, long fileId)
    {
        sql.Execute("INSERT INTO quarantine VALUES ($file, $table, 1, NULL, $rule, $message, '', 'rejected', $now, NULL)",
            ("file", fileId), ("table", file.Table.Name), ("rule", QuarantineRules.EmptyFile),
            ("message", $"{file.Name} is empty: no header and no rows"), ("now", now));
        return new FileResult(file.Path, file.Table.Name, file.Format, FileStatus.Rejected, 0, 0, 0, 1, 0,
            new Dictionary<string, long> { [QuarantineRules.EmptyFile] = 1 }, $"{file.Name} is empty");
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
        catch (DuckDB.NET.Data.DuckDBException ex) when (!ex.Message.Contains("INTERRUPT", StringComparison.OrdinalIgnoreCase))
        {
            var names = batch.Files.Count == 1 ? batch.First.Path : $"one of {string.Join(", ", batch.Files.Select(f => f.Name))}";
            throw new IngestException($"{names}: cannot be read as {batch.First.Format}: {ex.Message.Split('\n')[0]}", ex);
        }
    }

    private List<FileResult> LoadRows(FileBatch batch, SourcePlan plan, Stager stager)
    {
        var table = batch.First.Table;
        var check = ValidationSql.Build(table, plan, options.AssumeTimeZone is not null);
        if (options.AssumeTimeZone is { } zone)
        {
            sql.Execute(check, ("tz", zone));
        }
        else
        {
            sql.Execute(check);
        }
        stager.CollectRejectsAndLines(plan);
        sql.Execute(ValidationSql.NameExistingFiles());
        var keys = string.Join(", ", table.Key.Select(Quote));
        sql.Execute("DROP TABLE IF EXISTS stg_dup_keys");
        sql.Execute($"CREATE TEMP TABLE stg_dup_keys AS SELECT {keys} FROM chk0 WHERE __fail IS NULL GROUP BY ALL HAVING count(*) > 1");
        if (sql.ScalarLong("SELECT count(*) FROM stg_dup_keys") > 0)
        {
            sql.Execute(ValidationSql.MarkDuplicates(table));
        }

        var counts = sql.Rows($"""
            SELECT __file, count(*), count(*) FILTER (WHERE __fail IS NULL), count(*) FILTER (WHERE __fail IS NULL AND __replace),
                   count(*) FILTER (WHERE __fail.rule = '{QuarantineRules.OrphanReference}')
            FROM chk0 GROUP BY __file
            """, r => (File: r.GetInt32(0), Read: r.GetInt64(1), Loaded: r.GetInt64(2), Replaced: r.GetInt64(3), Pending: r.GetInt64(4)))
            .ToDictionary(c => c.File);
        var rules = sql.Rows($"""
            SELECT __file, rule, count(*) FROM (
                SELECT __file, __fail.rule AS rule FROM chk0 WHERE __fail IS NOT NULL
                UNION ALL SELECT __file, rule FROM stg_rej)
            GROUP BY ALL ORDER BY 1, 2
            """, r => (File: r.GetInt32(0), Rule: r.GetString(1), Count: r.GetInt64(2)));

        sql.Execute($"DELETE FROM {Quote(table.Name)} WHERE ({keys}) IN (SELECT ({keys}) FROM chk0 WHERE __fail IS NULL AND __replace)");
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        // Row order in the table does not matter (each row carries its file and line), so DuckDB may insert in parallel.
        sql.Execute("SET preserve_insertion_order = false");
        sql.Execute($"INSERT INTO {Quote(table.Name)} ({columns}, file_id, line) SELECT {columns}, __file_id, __line FROM chk WHERE __fail IS NULL");
        sql.Execute("RESET preserve_insertion_order");
        sql.Execute($"""
            INSERT INTO quarantine
            SELECT __file_id, $table, __line, __fail.field, __fail.rule, __fail.message, __raw_row,
                   CASE WHEN __fail.rule = '{QuarantineRules.OrphanReference}' THEN 'pending' ELSE 'rejected' END, $now, NULL
            FROM chk WHERE __fail IS NOT NULL
            """, ("table", table.Name), ("now", now));
        if (table.ParentReference is not null)
        {
            sql.Execute($"INSERT INTO pending_{table.Name} ({columns}, file_id, line) SELECT {columns}, __file_id, __line FROM chk " +
                        $"WHERE __fail.rule = '{QuarantineRules.OrphanReference}'");
        }
        QuarantineStructuralRejects(table);
        var rejected = sql.Rows("SELECT __file, count(*) FROM stg_rej GROUP BY __file", r => (File: r.GetInt32(0), Count: r.GetInt64(1)))
            .ToDictionary(r => r.File, r => r.Count);
        sql.Execute("DROP VIEW chk");
        sql.Execute("DROP TABLE chk0");

        return batch.Files.Select((file, i) =>
        {
            var c = counts.TryGetValue(i, out var found) ? found : (File: i, Read: 0L, Loaded: 0L, Replaced: 0L, Pending: 0L);
            var byRule = rules.Where(r => r.File == i).ToDictionary(r => r.Rule, r => r.Count);
            var read = c.Read + rejected.GetValueOrDefault(i);
            return new FileResult(file.Path, table.Name, file.Format, FileStatus.Loaded, read, c.Loaded, c.Replaced,
                byRule.Values.Sum(), c.Pending, byRule);
        }).ToList();
    }

    /// <summary>A header that does not fit: every row of the (single-file) batch goes to quarantine under <c>wrong_header</c>.</summary>
    private FileResult LoadRejectedFile(FileBatch batch, SourcePlan plan, HeaderProblem problem, Stager stager)
    {
        var file = batch.First;
        sql.Execute("DROP TABLE IF EXISTS stg");
        sql.Execute($"CREATE TEMP TABLE stg AS {plan.SelectSql}");
        stager.CollectRejectsAndLines(plan, "stg", "stg_lines");
        var raw = Stager.RawCsv(plan.Columns.Select(Quote));
        sql.Execute($"""
            INSERT INTO quarantine
            SELECT __file_id, $table, __line, $field, '{QuarantineRules.WrongHeader}', $message, coalesce(__raw, {raw}), 'rejected', $now, NULL
            FROM stg_lines
            """, ("table", file.Table.Name), ("field", problem.Field), ("message", problem.Message), ("now", now));
        sql.Execute("UPDATE stg_rej SET rule = $rule, field = $field, message = $message",
            ("rule", QuarantineRules.WrongHeader), ("field", problem.Field), ("message", problem.Message));
        QuarantineStructuralRejects(file.Table);
        var total = sql.ScalarLong("SELECT count(*) FROM stg") + sql.ScalarLong("SELECT count(*) FROM stg_rej");
        sql.Execute("DROP VIEW stg_lines");
        sql.Execute("DROP TABLE stg");
        return new FileResult(file.Path, file.Table.Name, file.Format, FileStatus.Rejected, total, 0, 0, total, 0,
            new Dictionary<string, long> { [QuarantineRules.WrongHeader] = total }, problem.Message);
    }

    private void QuarantineStructuralRejects(TableSchema table) =>
        sql.Execute(
            "INSERT INTO quarantine SELECT b.__file_id, $table, line, field, rule, message, raw, 'rejected', $now, NULL FROM stg_rej JOIN stg_batch b USING (__file)",
            ("table", table.Name), ("now", now));
}
