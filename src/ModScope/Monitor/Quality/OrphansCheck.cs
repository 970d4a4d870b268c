using static ModScope.Monitor.Quality.QualityText;
using static ModScope.Store.SqlText;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Audits and appeals still waiting (<c>pending_*</c>) for a decision that has not arrived, whose own event is more than
/// <see cref="OrphanSettings.MaxPendingDays"/> days old at the end of the as-of day; one finding per file.
/// </summary>
internal sealed class OrphansCheck : IQualityCheck
{
    public IEnumerable<QualityFinding> Run(QualityContext context)
    {
        var maxDays = context.Settings.Orphans.MaxPendingDays;
        foreach (var source in QualitySource.All.Where(s => s.Table.ParentReference is not null))
        {
            var parent = Quote(source.Table.ParentReference!);
            var orphans = context.Sql.Rows($"""
                SELECT f.name, count(*), min(p.{source.Time}), min(p.{parent})
                FROM {Quote("pending_" + source.Name)} p JOIN files f ON f.file_id = p.file_id
                WHERE p.{source.Time} < $cutoff
                GROUP BY f.name
                ORDER BY min(p.{source.Time}), f.name
                """,
                r => (File: r.GetString(0), Rows: r.GetInt64(1), Oldest: r.GetDateTime(2), Example: r.GetString(3)),
                ("cutoff", context.Until.AddDays(-maxDays)));
            foreach (var orphan in orphans)
            {
                yield return new QualityFinding(QualityCheckKind.Orphans, QualitySeverity.Warning, source.Name, $"file = {orphan.File}",
                    DateOnly.FromDateTime(orphan.Oldest), orphan.Rows, 0, null, QualityUnit.Rows,
                    $"{Plural(orphan.Rows, $"{source.Name} row", $"{source.Name} rows")} from {orphan.File} (the oldest of {Time(orphan.Oldest)}) " +
                    $"{(orphan.Rows == 1 ? "waits" : "wait")} for a decision that has not arrived (e.g. '{orphan.Example}') more than {maxDays} days after the event.");
            }
        }
    }
}
