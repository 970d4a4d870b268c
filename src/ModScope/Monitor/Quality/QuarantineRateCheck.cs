using ModScope.Monitor.Findings;
using static ModScope.Monitor.Quality.QualityText;
using static ModScope.Monitor.Quality.QualityValues;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Rejected rows per file loaded in the judged days, as a share of the rows read, with the rule rejecting most.
/// Rows waiting for their decision (status pending or released) are not rejected.
/// </summary>
internal sealed class QuarantineRateCheck : IQualityCheck
{
    public async Task<IReadOnlyList<QualityFinding>> RunAsync(QualityContext context)
    {
        var settings = context.Settings.Quarantine;
        if (context.Files.Count == 0)
        {
            return [];
        }
        var byRule = await context.Sql.RowsAsync($"""
            SELECT file_id, rule, count(*) FROM {context.Sql.Quote("quarantine")}
            WHERE status = 'rejected' AND {QualitySql.In("file_id", context.Files.Select(f => f.Id))}
            GROUP BY file_id, rule
            """).ConfigureAwait(false);
        var rejected = byRule.GroupBy(r => AsLong(r[0])).ToDictionary(g => g.Key, g => g
            .Select(r => (Rule: AsText(r[1]), Rows: AsLong(r[2])))
            .OrderByDescending(r => r.Rows).ThenBy(r => r.Rule, StringComparer.Ordinal).ToList());
        var findings = new List<QualityFinding>();
        foreach (var file in context.Files)
        {
            if (!rejected.TryGetValue(file.Id, out var rules))
            {
                continue;
            }
            var count = rules.Sum(r => r.Rows);
            var total = Math.Max(file.RowsRead, count);
            if (count <= settings.MaxRate * total)
            {
                continue;
            }
            var rate = (double)count / total;
            findings.Add(new QualityFinding(QualityCheckKind.QuarantineRate,
                rate >= settings.CriticalRate ? QualitySeverity.Critical : QualitySeverity.Warning,
                file.Table, $"file = {file.Name}", file.LoadDay, rate, null, settings.MaxRate, QualityUnit.Share,
                $"File {file.Name}, loaded on {Day(file.LoadDay)}, had {Count(count)} of {Count(total)} rows rejected ({Percent(rate)}), " +
                $"above the {Percent(settings.MaxRate)} limit; most broke {rules[0].Rule} ({Count(rules[0].Rows)}).")
            {
                Facts = FindingFacts.Of("quarantine_rate", ("file", FindingFacts.Text(file.Name)), ("day", FindingFacts.Day(file.LoadDay)),
                    ("rejected", FindingFacts.Count(count)), ("rows", FindingFacts.Count(total)), ("rate", FindingFacts.Share(rate)),
                    ("limit", FindingFacts.Share(settings.MaxRate)), ("rule", FindingFacts.Text(rules[0].Rule)), ("rule_rows", FindingFacts.Count(rules[0].Rows))),
            });
        }
        return findings;
    }
}
