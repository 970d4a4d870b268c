using ModScope.Monitor.Findings;
using static ModScope.Monitor.Quality.QualityText;
using static ModScope.Monitor.Quality.QualityValues;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Audits and appeals still waiting (<c>pending_*</c>) for a decision that has not arrived, whose own event is more than
/// <see cref="OrphanSettings.MaxPendingDays"/> days old at the end of the as-of day; one finding per file. A pending row
/// whose key is already in its table was released (DuckDB deletes it; ClickHouse keeps it, as 18.16 deletes only
/// through asynchronous mutations), so it is not waiting.
/// </summary>
internal sealed class OrphansCheck : IQualityCheck
{
    public async Task<IReadOnlyList<QualityFinding>> RunAsync(QualityContext context)
    {
        var sql = context.Sql;
        var maxDays = context.Settings.Orphans.MaxPendingDays;
        var findings = new List<QualityFinding>();
        foreach (var source in QualitySource.All.Where(s => s.Table.ParentReference is not null))
        {
            var parent = sql.Quote(source.Table.ParentReference!);
            var key = sql.Quote(source.Table.Key[0]);
            // The IN subquery reads each shard's own rows on ClickHouse (distributed_product_mode=local): pending rows
            // and their table are both sharded by decision, so a released row sits on its table row's shard.
            var byFile = await sql.RowsAsync($"""
                SELECT file_id, count(*), min({source.Time}), min({parent})
                FROM {sql.Table("pending_" + source.Name, "p")}
                WHERE {source.Time} < $cutoff AND {key} NOT IN (SELECT {key} FROM {sql.Quote(source.Name)})
                GROUP BY file_id
                """, ("cutoff", context.Until.AddDays(-maxDays).ToDateTime(TimeOnly.MinValue))).ConfigureAwait(false);
            if (byFile.Count == 0)
            {
                continue;
            }
            var names = (await sql.RowsAsync(
                    $"SELECT file_id, name FROM {sql.Table("files", "f")} WHERE {QualitySql.In("file_id", byFile.Select(r => AsLong(r[0])))}")
                .ConfigureAwait(false)).ToDictionary(r => AsLong(r[0]), r => AsText(r[1]));
            var orphans = byFile.Where(r => names.ContainsKey(AsLong(r[0])))
                .GroupBy(r => names[AsLong(r[0])], StringComparer.Ordinal)
                .Select(g => (File: g.Key, Rows: g.Sum(r => AsLong(r[1])), Oldest: g.Min(r => AsTime(r[2])),
                              Example: g.Select(r => AsText(r[3])).Min(StringComparer.Ordinal)!))
                .OrderBy(o => o.Oldest).ThenBy(o => o.File, StringComparer.Ordinal);
            foreach (var orphan in orphans)
            {
                findings.Add(new QualityFinding(QualityCheckKind.Orphans, QualitySeverity.Warning, source.Name, $"file = {orphan.File}",
                    DateOnly.FromDateTime(orphan.Oldest), orphan.Rows, 0, null, QualityUnit.Rows,
                    $"{Plural(orphan.Rows, $"{source.Name} row", $"{source.Name} rows")} from {orphan.File} (the oldest of {Time(orphan.Oldest)}) " +
                    $"{(orphan.Rows == 1 ? "waits" : "wait")} for a decision that has not arrived (e.g. '{orphan.Example}') more than {maxDays} days after the event.")
                {
                    Facts = FindingFacts.Of("orphans", ("source", FindingFacts.Source(source.Name)), ("file", FindingFacts.Text(orphan.File)),
                        ("days", FindingFacts.Count(maxDays)), ("rows", FindingFacts.Count(orphan.Rows)), ("oldest", FindingFacts.Time(orphan.Oldest)),
                        ("example", FindingFacts.Text(orphan.Example))),
                });
            }
        }
        return findings;
    }
}
