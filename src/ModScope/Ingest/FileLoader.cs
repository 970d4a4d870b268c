using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Loads one file inside the load's transaction: read and check it in one pass, replace newer versions,
/// insert good rows, quarantine bad ones, park orphans. Throws only when the file cannot be read at all.
/// </summary>
internal sealed class FileLoader(SqlRunner sql, IngestOptions options, DateTime now)
{
    public FileResult Load(InputFile file, long fileId)
    {
        if (new FileInfo(file.Path).Length == 0)
        {
            sql.Execute("INSERT INTO quarantine VALUES ($file, $table, 1, NULL, $rule, $message, '', 'rejected', $now, NULL)",
                ("file", fileId), ("table", file.Table.Name), ("rule", QuarantineRules.EmptyFile),
                ("message", $"{file.Name} is empty: no header and no rows"), ("now", now));
            return Result(file, FileStatus.Rejected, 0, 0, 0, 0, new() { [QuarantineRules.EmptyFile] = 1 }, $"{file.Name} is empty");
        }

        var stager = new Stager(sql);
        try
        {
            var plan = stager.Plan(file);
            return plan.HeaderProblem is { } problem
                ? LoadRejectedFile(file, fileId, plan, problem, stager)
                : LoadRows(file, fileId, plan, stager);
        }
        catch (DuckDB.NET.Data.DuckDBException ex) when (!ex.Message.Contains("INTERRUPT", StringComparison.OrdinalIgnoreCase))
        {
            throw new IngestException($"{file.Path}: cannot be read as {file.Format}: {ex.Message.Split('\n')[0]}", ex);
        }
    }

    private FileResult LoadRows(InputFile file, long fileId, SourcePlan plan, Stager stager)
    {
        var check = ValidationSql.Build(file.Table, plan, options.AssumeTimeZone is not null);
        if (options.AssumeTimeZone is { } zone)
        {
            sql.Execute(check, ("path", file.Path), ("tz", zone));
        }
        else
        {
            sql.Execute(check, ("path", file.Path));
        }
        var lineSql = stager.CollectRejects(plan);
        if (sql.ScalarLong("SELECT count(*) FROM stg_rej") > 0)
        {
            sql.Execute($"UPDATE chk SET __line = {lineSql}");
        }
        var keys = string.Join(", ", file.Table.Key.Select(Quote));
        if (sql.ScalarLong($"SELECT count(*) FROM (SELECT {keys} FROM chk WHERE __fail IS NULL GROUP BY ALL HAVING count(*) > 1)") > 0)
        {
            sql.Execute(ValidationSql.MarkDuplicates(file.Table));
        }

        var replaced = sql.Execute(
            $"DELETE FROM {Quote(file.Table.Name)} WHERE ({keys}) IN (SELECT ({keys}) FROM chk WHERE __fail IS NULL AND __replace)");
        var columns = string.Join(", ", file.Table.Columns.Select(c => Quote(c.Name)));
        // Row order in the table does not matter (each row carries its file and line), so DuckDB may insert in parallel.
        sql.Execute("SET preserve_insertion_order = false");
        var loaded = sql.Execute(
            $"INSERT INTO {Quote(file.Table.Name)} ({columns}, file_id, line) SELECT {columns}, $file, __line FROM chk WHERE __fail IS NULL",
            ("file", fileId));
        sql.Execute("RESET preserve_insertion_order");
        sql.Execute($"""
            INSERT INTO quarantine
            SELECT $file, $table, __line, __fail.field, __fail.rule, __fail.message, __raw_row,
                   CASE WHEN __fail.rule = '{QuarantineRules.OrphanReference}' THEN 'pending' ELSE 'rejected' END, $now, NULL
            FROM chk WHERE __fail IS NOT NULL
            """, ("file", fileId), ("table", file.Table.Name), ("now", now));
        var pending = 0L;
        if (file.Table.ParentReference is not null)
        {
            pending = sql.Execute(
                $"INSERT INTO pending_{file.Table.Name} ({columns}, file_id, line) SELECT {columns}, $file, __line FROM chk " +
                $"WHERE __fail.rule = '{QuarantineRules.OrphanReference}'", ("file", fileId));
        }
        QuarantineStructuralRejects(fileId, file.Table);

        var byRule = sql.Rows(
            "SELECT rule, count(*) FROM (SELECT __fail.rule AS rule FROM chk WHERE __fail IS NOT NULL UNION ALL SELECT rule FROM stg_rej) GROUP BY rule ORDER BY rule",
            r => (Rule: r.GetString(0), Count: r.GetInt64(1)));
        var read = sql.ScalarLong("SELECT count(*) FROM chk") + sql.ScalarLong("SELECT count(*) FROM stg_rej");
        sql.Execute("DROP TABLE chk");
        return Result(file, FileStatus.Loaded, read, loaded, replaced, byRule.Sum(r => r.Count),
            byRule.ToDictionary(r => r.Rule, r => r.Count), null, pending);
    }

    /// <summary>A header that does not fit: every row goes to quarantine under <c>wrong_header</c>.</summary>
    private FileResult LoadRejectedFile(InputFile file, long fileId, SourcePlan plan, HeaderProblem problem, Stager stager)
    {
        sql.Execute("DROP TABLE IF EXISTS stg");
        sql.Execute($"CREATE TEMP TABLE stg AS {plan.SelectSql}", ("path", file.Path));
        var lineSql = stager.CollectRejects(plan);
        var raw = Stager.RawCsv(plan.Columns.Select(Quote));
        sql.Execute($"""
            INSERT INTO quarantine
            SELECT $file, $table, {lineSql}, $field, '{QuarantineRules.WrongHeader}', $message, coalesce(__raw, {raw}), 'rejected', $now, NULL
            FROM stg
            """, ("file", fileId), ("table", file.Table.Name), ("field", problem.Field), ("message", problem.Message), ("now", now));
        sql.Execute("UPDATE stg_rej SET rule = $rule, field = $field, message = $message",
            ("rule", QuarantineRules.WrongHeader), ("field", problem.Field), ("message", problem.Message));
        QuarantineStructuralRejects(fileId, file.Table);
        var total = sql.ScalarLong("SELECT count(*) FROM stg") + sql.ScalarLong("SELECT count(*) FROM stg_rej");
        sql.Execute("DROP TABLE stg");
        return Result(file, FileStatus.Rejected, total, 0, 0, total, new() { [QuarantineRules.WrongHeader] = total }, problem.Message);
    }

    private void QuarantineStructuralRejects(long fileId, TableSchema table) =>
        sql.Execute(
            "INSERT INTO quarantine SELECT $file, $table, line, field, rule, message, raw, 'rejected', $now, NULL FROM stg_rej",
            ("file", fileId), ("table", table.Name), ("now", now));

    private static FileResult Result(InputFile file, FileStatus status, long read, long loaded, long replaced, long quarantined,
        Dictionary<string, long> byRule, string? problem, long pending = 0) =>
        new(file.Path, file.Table.Name, file.Format, status, read, loaded, replaced, quarantined, pending, byRule, problem);
}
