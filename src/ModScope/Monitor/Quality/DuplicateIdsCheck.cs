using static ModScope.Monitor.Quality.QualityText;
using static ModScope.Store.SqlText;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Keys that appear more than once in an event table (the load de-duplicates, so any is critical), and files loaded in
/// the judged days whose rows mostly replaced stored rows: a re-delivery.
/// </summary>
internal sealed class DuplicateIdsCheck : IQualityCheck
{
    public IEnumerable<QualityFinding> Run(QualityContext context)
    {
        foreach (var source in context.Sources)
        {
            var keys = string.Join(", ", source.Table.Key.Select(Quote));
            var keyText = string.Join(" || '/' || ", source.Table.Key.Select(k => $"CAST({Quote(k)} AS VARCHAR)"));
            var (duplicated, extra, example) = context.Sql.Rows($"""
                SELECT count(*), CAST(coalesce(sum(n - 1), 0) AS BIGINT), min(key_text)
                FROM (SELECT count(*) AS n, min({keyText}) AS key_text FROM {source.Sql} GROUP BY {keys} HAVING count(*) > 1)
                """, r => (r.GetInt64(0), r.GetInt64(1), r.IsDBNull(2) ? "" : r.GetString(2))).Single();
            if (duplicated > 0)
            {
                var key = string.Join("+", source.Table.Key);
                yield return new QualityFinding(QualityCheckKind.DuplicateIds, QualitySeverity.Critical, source.Name, $"key = {key}", null,
                    duplicated, null, 0, QualityUnit.Rows,
                    $"{Plural(duplicated, $"{key} value appears", $"{key} values appear")} more than once in {source.Name} " +
                    $"({Plural(extra, "extra row", "extra rows")}, e.g. '{example}'); loads de-duplicate, so there should be none.");
            }
        }

        var settings = context.Settings.Duplicates;
        var files = context.Sql.Rows("""
            SELECT name, table_name, CAST(loaded_at AS DATE), rows_read, rows_replaced
            FROM files
            WHERE loaded_at >= $from AND loaded_at < $until AND rows_replaced >= $min_rows AND rows_replaced > $share * rows_read
            ORDER BY loaded_at, name
            """,
            r => (Name: r.GetString(0), Table: r.GetString(1), Day: r.GetFieldValue<DateOnly>(2), Read: r.GetInt64(3), Replaced: r.GetInt64(4)),
            ("from", context.WindowStart), ("until", context.Until), ("min_rows", settings.MinReplacedRows), ("share", settings.MaxReplacedShare));
        foreach (var file in files)
        {
            var share = (double)file.Replaced / Math.Max(file.Read, 1);
            yield return new QualityFinding(QualityCheckKind.DuplicateIds, QualitySeverity.Warning, file.Table, $"file = {file.Name}", file.Day,
                share, null, settings.MaxReplacedShare, QualityUnit.Share,
                $"File {file.Name}, loaded on {Day(file.Day)}, replaced {Count(file.Replaced)} of its {Count(file.Read)} rows ({Percent(share)}) " +
                $"already in {file.Table}, above the {Percent(settings.MaxReplacedShare)} limit: a re-delivery.");
        }
    }
}
