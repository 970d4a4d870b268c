using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Loads one file inside the load's transaction: stage, check, replace newer versions, insert good
/// rows, quarantine bad ones, park orphans. Returns what happened; throws only for unreadable files.
/// </summary>
internal sealed class FileLoader(SqlRunner sql, IngestOptions options, DateTime now)
{
    public FileResult Load(InputFile file, long fileId)
    {
        if (new FileInfo(file.Path).Length == 0)
        {
            Quarantine(fileId, file.Table, 1, null, QuarantineRules.EmptyFile, $"{file.Name} is empty: no header and no rows", "");
            return Result(file, FileStatus.Rejected, 0, 0, 0, 0, new() { [QuarantineRules.EmptyFile] = 1 }, $"{file.Name} is empty");
        }

        StagedFile staged;
        try
        {
            staged = new Stager(sql).Stage(file);
        }
        catch (DuckDB.NET.Data.DuckDBException ex) when (!ex.Message.Contains("INTERRUPT", StringComparison.OrdinalIgnoreCase))
        {
            throw new IngestException($"{file.Path}: cannot be read as {file.Format}: {ex.Message.Split('\n')[0]}", ex);
        }

        var rejects = sql.ScalarLong("SELECT count(*) FROM stg_rej");
        var staged_rows = sql.ScalarLong("SELECT count(*) FROM stg");
        if (staged.HeaderProblem is { } problem)
        {
            sql.Execute($"""
                INSERT INTO quarantine
                SELECT $file, $table, {staged.LineSql}, $field, '{QuarantineRules.WrongHeader}', $message, {staged.RawSql}, 'rejected', $now, NULL
                FROM stg
                """, ("file", fileId), ("table", file.Table.Name), ("field", problem.Field), ("message", problem.Message), ("now", now));
            QuarantineStructuralRejects(fileId, file.Table);
            var total = staged_rows + rejects;
            return Result(file, FileStatus.Rejected, total, 0, 0, 0, new() { [QuarantineRules.WrongHeader] = total }, problem.Message);
        }

        var keyList = string.Join(", ", file.Table.Key.Select(k => $"nullif(trim({Quote(k)}), '')"));
        var duplicated = sql.ScalarLong($"SELECT count(*) FROM (SELECT {keyList} FROM stg GROUP BY ALL HAVING count(*) > 1)") > 0;
        var check = ValidationSql.Build(file.Table, staged, options.AssumeTimeZone is not null, duplicated);
        if (options.AssumeTimeZone is { } zone)
        {
            sql.Execute(check, ("tz", zone));
        }
        else
        {
            sql.Execute(check);
        }

        var keys = string.Join(", ", file.Table.Key.Select(Quote));
        var replaced = sql.Execute(
            $"DELETE FROM {Quote(file.Table.Name)} WHERE ({keys}) IN (SELECT ({keys}) FROM chk WHERE __fail IS NULL AND __replace)");
        var columns = string.Join(", ", file.Table.Columns.Select(c => Quote(c.Name)));
        var loaded = sql.Execute(
            $"INSERT INTO {Quote(file.Table.Name)} ({columns}, file_id, line) SELECT {columns}, $file, __line FROM chk WHERE __fail IS NULL",
            ("file", fileId));
        sql.Execute($"""
            INSERT INTO quarantine
            SELECT $file, $table, __line, __fail.field, __fail.rule, __fail.message, coalesce(__raw, __raw_row),
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
        var quarantined = byRule.Sum(r => r.Count);
        return Result(file, FileStatus.Loaded, staged_rows + rejects, loaded, replaced, quarantined,
            byRule.ToDictionary(r => r.Rule, r => r.Count), null, pending);
    }

    private void QuarantineStructuralRejects(long fileId, TableSchema table) =>
        sql.Execute(
            "INSERT INTO quarantine SELECT $file, $table, line, field, rule, message, raw, 'rejected', $now, NULL FROM stg_rej",
            ("file", fileId), ("table", table.Name), ("now", now));

    private void Quarantine(long fileId, TableSchema table, long line, string? field, string rule, string message, string raw) =>
        sql.Execute("INSERT INTO quarantine VALUES ($file, $table, $line, $field, $rule, $message, $raw, 'rejected', $now, NULL)",
            ("file", fileId), ("table", table.Name), ("line", line), ("field", field), ("rule", rule), ("message", message),
            ("raw", raw), ("now", now));

    private static FileResult Result(InputFile file, FileStatus status, long read, long loaded, long replaced, long quarantined,
        Dictionary<string, long> byRule, string? problem, long pending = 0) =>
        new(file.Path, file.Table.Name, file.Format, status, read, loaded, replaced, quarantined, pending, byRule, problem);
}
