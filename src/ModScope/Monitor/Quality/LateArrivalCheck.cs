using ModScope.Monitor.Findings;
using static ModScope.Monitor.Quality.QualityText;
using static ModScope.Monitor.Quality.QualityValues;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Per source and load day in the judged days: the share of rows loaded that day whose event day is more than
/// <see cref="LateArrivalSettings.MaxDelayDays"/> days earlier, and the file that brought most of them. The rows are
/// counted per file and event day on the engine; the file's load day comes from the load history.
/// </summary>
internal sealed class LateArrivalCheck : IQualityCheck
{
    public async Task<IReadOnlyList<QualityFinding>> RunAsync(QualityContext context)
    {
        var settings = context.Settings.LateArrival;
        var findings = new List<QualityFinding>();
        foreach (var source in context.Sources)
        {
            var files = context.Files.Where(f => f.Table == source.Name).ToDictionary(f => f.Id);
            if (files.Count == 0)
            {
                continue;
            }
            var counts = await context.Sql.RowsAsync($"""
                SELECT file_id, {source.Day} AS day, count(*) FROM {context.Sql.Table(source.Name)}
                WHERE {QualitySql.In("file_id", files.Keys)}
                GROUP BY file_id, day
                """).ConfigureAwait(false);
            var byFile = counts
                .Select(r => (File: files[AsLong(r[0])], EventDay: AsDay(r[1]), Rows: AsLong(r[2])))
                .GroupBy(c => (c.File.LoadDay, c.File.Name))
                .Select(g => (g.Key.LoadDay, g.Key.Name, Rows: g.Sum(c => c.Rows),
                              Late: g.Where(c => c.File.LoadDay.DayNumber - c.EventDay.DayNumber > settings.MaxDelayDays).Sum(c => c.Rows)));
            var days = byFile.GroupBy(f => f.LoadDay)
                .Select(g => (Day: g.Key, Rows: g.Sum(f => f.Rows), Late: g.Sum(f => f.Late),
                              File: g.OrderByDescending(f => f.Late).ThenBy(f => f.Name, StringComparer.Ordinal).First().Name))
                .Where(d => d.Late > settings.MaxShare * d.Rows)
                .OrderBy(d => d.Day);
            foreach (var day in days)
            {
                var share = (double)day.Late / day.Rows;
                findings.Add(new QualityFinding(QualityCheckKind.LateArrival,
                    share >= settings.CriticalShare ? QualitySeverity.Critical : QualitySeverity.Warning,
                    source.Name, "all rows", day.Day, share, null, settings.MaxShare, QualityUnit.Share,
                    $"{Count(day.Late)} of the {Count(day.Rows)} {source.Name} rows loaded on {Day(day.Day)} ({Percent(share)}) happened more than " +
                    $"{settings.MaxDelayDays} days before that day, above the {Percent(settings.MaxShare)} limit; most came in {day.File}.")
                {
                    Facts = FindingFacts.Of("late_arrival", ("late", FindingFacts.Count(day.Late)), ("rows", FindingFacts.Count(day.Rows)),
                        ("source", FindingFacts.Source(source.Name)), ("day", FindingFacts.Day(day.Day)), ("share", FindingFacts.Share(share)),
                        ("days", FindingFacts.Count(settings.MaxDelayDays)), ("limit", FindingFacts.Share(settings.MaxShare)), ("file", FindingFacts.Text(day.File))),
                });
            }
        }
        return findings;
    }
}
