using ModScope.Monitor.Findings;
using static ModScope.Monitor.Quality.QualityText;
using static ModScope.Monitor.Quality.QualityValues;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Keys that appear more than once in an event table (the load de-duplicates, so any is critical), and files loaded in
/// the judged days whose rows mostly replaced stored rows: a re-delivery. On the DuckDB store the keys are counted
/// incrementally (<see cref="DuplicateKeyState"/>); on ClickHouse, which keeps no such state, all of them each run.
/// </summary>
internal sealed class DuplicateIdsCheck : IQualityCheck
{
    public async Task<IReadOnlyList<QualityFinding>> RunAsync(QualityContext context)
    {
        var findings = new List<QualityFinding>();
        foreach (var source in context.Sources)
        {
            var keys = string.Join(", ", source.Table.Key.Select(context.Sql.Quote));
            // On the DuckDB store only the keys loaded since the last run are counted (same groups); elsewhere every key.
            var groups = context.Store is { } store
                ? await DuplicateKeyState.GroupsAsync(context.Sql, store, source.Table).ConfigureAwait(false)
                : await context.Sql.RowsAsync(
                    $"SELECT {keys}, count(*) FROM {context.Sql.Table(source.Name)} GROUP BY {keys} HAVING count(*) > 1").ConfigureAwait(false);
            if (groups.Count > 0)
            {
                var width = source.Table.Key.Count;
                var extra = groups.Sum(g => AsLong(g[width]) - 1);
                var example = groups.Select(g => string.Join("/", g.Take(width).Select(AsText))).Min(StringComparer.Ordinal);
                var key = string.Join("+", source.Table.Key);
                findings.Add(new QualityFinding(QualityCheckKind.DuplicateIds, QualitySeverity.Critical, source.Name, $"key = {key}", null,
                    groups.Count, null, 0, QualityUnit.Rows,
                    $"{Plural(groups.Count, $"{key} value appears", $"{key} values appear")} more than once in {source.Name} " +
                    $"({Plural(extra, "extra row", "extra rows")}, e.g. '{example}'); loads de-duplicate, so there should be none.")
                {
                    Facts = FindingFacts.Of("duplicate.keys", ("key", FindingFacts.Text(key)), ("source", FindingFacts.Source(source.Name)),
                        ("groups", FindingFacts.Count(groups.Count)), ("extra", FindingFacts.Count(extra)), ("example", FindingFacts.Text(example ?? ""))),
                });
            }
        }

        var settings = context.Settings.Duplicates;
        foreach (var file in context.Files.Where(f => f.RowsReplaced >= settings.MinReplacedRows && f.RowsReplaced > settings.MaxReplacedShare * f.RowsRead))
        {
            var share = (double)file.RowsReplaced / Math.Max(file.RowsRead, 1);
            findings.Add(new QualityFinding(QualityCheckKind.DuplicateIds, QualitySeverity.Warning, file.Table, $"file = {file.Name}", file.LoadDay,
                share, null, settings.MaxReplacedShare, QualityUnit.Share,
                $"File {file.Name}, loaded on {Day(file.LoadDay)}, replaced {Count(file.RowsReplaced)} of its {Count(file.RowsRead)} rows ({Percent(share)}) " +
                $"already in {file.Table}, above the {Percent(settings.MaxReplacedShare)} limit: a re-delivery.")
            {
                Facts = FindingFacts.Of("duplicate.redelivery", ("file", FindingFacts.Text(file.Name)), ("day", FindingFacts.Day(file.LoadDay)),
                    ("replaced", FindingFacts.Count(file.RowsReplaced)), ("rows", FindingFacts.Count(file.RowsRead)), ("share", FindingFacts.Share(share)),
                    ("source", FindingFacts.Source(file.Table)), ("limit", FindingFacts.Share(settings.MaxReplacedShare))),
            });
        }
        return findings;
    }
}
