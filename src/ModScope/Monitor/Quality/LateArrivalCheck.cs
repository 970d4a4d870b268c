using static ModScope.Monitor.Quality.QualityText;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Per source and load day in the judged days: the share of rows loaded that day whose event day is more than
/// <see cref="LateArrivalSettings.MaxDelayDays"/> days earlier, and the file that brought most of them.
/// </summary>
internal sealed class LateArrivalCheck : IQualityCheck
{
    public IEnumerable<QualityFinding> Run(QualityContext context)
    {
        var settings = context.Settings.LateArrival;
        foreach (var source in context.Sources)
        {
            var days = context.Sql.Rows($"""
                WITH loaded AS (
                    SELECT CAST(f.loaded_at AS DATE) AS load_day, f.name,
                           date_diff('day', {source.Day}, CAST(f.loaded_at AS DATE)) > $max_delay AS late
                    FROM {source.Sql} t JOIN files f ON f.file_id = t.file_id
                    WHERE f.loaded_at >= $from AND f.loaded_at < $until),
                by_file AS (
                    SELECT load_day, name, count(*) AS n, count(*) FILTER (WHERE late) AS late FROM loaded GROUP BY ALL)
                SELECT load_day, CAST(sum(n) AS BIGINT) AS n, CAST(sum(late) AS BIGINT) AS late, first(name ORDER BY late DESC, name) AS top_file
                FROM by_file
                GROUP BY load_day
                HAVING sum(late) > $max_share * sum(n)
                ORDER BY load_day
                """,
                r => (Day: r.GetFieldValue<DateOnly>(0), Rows: r.GetInt64(1), Late: r.GetInt64(2), File: r.GetString(3)),
                ("from", context.WindowStart), ("until", context.Until), ("max_delay", settings.MaxDelayDays), ("max_share", settings.MaxShare));
            foreach (var day in days)
            {
                var share = (double)day.Late / day.Rows;
                yield return new QualityFinding(QualityCheckKind.LateArrival,
                    share >= settings.CriticalShare ? QualitySeverity.Critical : QualitySeverity.Warning,
                    source.Name, "all rows", day.Day, share, null, settings.MaxShare, QualityUnit.Share,
                    $"{Count(day.Late)} of the {Count(day.Rows)} {source.Name} rows loaded on {Day(day.Day)} ({Percent(share)}) happened more than " +
                    $"{settings.MaxDelayDays} days before that day, above the {Percent(settings.MaxShare)} limit; most came in {day.File}.");
            }
        }
    }
}
