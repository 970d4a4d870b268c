using static ModScope.Monitor.Quality.QualityText;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Rejected rows per file loaded in the judged days, as a share of the rows read, with the rule rejecting most.
/// Rows waiting for their decision (status pending or released) are not rejected.
/// </summary>
internal sealed class QuarantineRateCheck : IQualityCheck
{
    public IEnumerable<QualityFinding> Run(QualityContext context)
    {
        var settings = context.Settings.Quarantine;
        var files = context.Sql.Rows("""
            WITH by_rule AS (
                SELECT file_id, rule, count(*) AS n FROM quarantine WHERE status = 'rejected' GROUP BY ALL),
            rejected AS (
                SELECT file_id, CAST(sum(n) AS BIGINT) AS n, first(rule ORDER BY n DESC, rule) AS top_rule, max(n) AS top_n
                FROM by_rule GROUP BY file_id)
            SELECT f.name, f.table_name, CAST(f.loaded_at AS DATE), greatest(f.rows_read, q.n) AS total, q.n, q.top_rule, q.top_n
            FROM files f JOIN rejected q ON q.file_id = f.file_id
            WHERE f.loaded_at >= $from AND f.loaded_at < $until AND q.n > $max_rate * greatest(f.rows_read, q.n)
            ORDER BY f.loaded_at, f.name
            """,
            r => (Name: r.GetString(0), Table: r.GetString(1), Day: r.GetFieldValue<DateOnly>(2), Total: r.GetInt64(3),
                  Rejected: r.GetInt64(4), Rule: r.GetString(5), RuleRows: r.GetInt64(6)),
            ("from", context.WindowStart), ("until", context.Until), ("max_rate", settings.MaxRate));
        foreach (var file in files)
        {
            var rate = (double)file.Rejected / file.Total;
            yield return new QualityFinding(QualityCheckKind.QuarantineRate,
                rate >= settings.CriticalRate ? QualitySeverity.Critical : QualitySeverity.Warning,
                file.Table, $"file = {file.Name}", file.Day, rate, null, settings.MaxRate, QualityUnit.Share,
                $"File {file.Name}, loaded on {Day(file.Day)}, had {Count(file.Rejected)} of {Count(file.Total)} rows rejected ({Percent(rate)}), " +
                $"above the {Percent(settings.MaxRate)} limit; most broke {file.Rule} ({Count(file.RuleRows)}).");
        }
    }
}
