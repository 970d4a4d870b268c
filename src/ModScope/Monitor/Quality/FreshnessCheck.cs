using static ModScope.Monitor.Quality.QualityText;

namespace ModScope.Monitor.Quality;

/// <summary>
/// How old the newest event is at the end of the as-of day, per source and, for decisions, per site that was active
/// in the last <see cref="FreshnessSettings.SiteActiveDays"/> days. Sites are judged only while the source itself is fresh.
/// </summary>
internal sealed class FreshnessCheck : IQualityCheck
{
    public IEnumerable<QualityFinding> Run(QualityContext context)
    {
        var settings = context.Settings.Freshness;
        var end = context.Until.ToDateTime(TimeOnly.MinValue);
        var findings = new List<QualityFinding>();
        foreach (var source in context.Sources)
        {
            var newest = context.Watermarks[source.Name].NewestEvent!.Value;
            var limit = settings.HoursFor(source.Name);
            var lag = (end - newest).TotalHours;
            if (lag > limit)
            {
                findings.Add(Finding(context, source.Name, "all rows", lag, limit,
                    $"The newest {source.Name} event ({Time(newest)}) is {Number(lag)} h old at the end of {Day(context.AsOf)}, above the {Number(limit)} h freshness limit."));
            }
        }

        var decisions = QualitySource.Decisions;
        if (findings.Exists(f => f.Source == decisions.Name) || context.Watermarks[decisions.Name].NewestEvent is null)
        {
            return findings;
        }
        var siteLimit = settings.HoursFor(decisions.Name);
        var stale = context.Sql.Rows("""
            SELECT site, max(decided_at) AS newest, date_diff('second', max(decided_at), CAST($until AS TIMESTAMP)) / 3600.0 AS lag
            FROM decisions
            WHERE site IS NOT NULL AND decided_at < $until
            GROUP BY site
            HAVING max(decided_at) >= $active_from AND lag > $limit
            ORDER BY site
            """,
            r => (Site: r.GetString(0), Newest: r.GetDateTime(1), Lag: r.GetDouble(2)),
            ("until", context.Until), ("active_from", context.AsOf.AddDays(1 - settings.SiteActiveDays)), ("limit", siteLimit));
        findings.AddRange(stale.Select(s => Finding(context, decisions.Name, $"site = {s.Site}", s.Lag, siteLimit,
            $"Site {s.Site} sent no decision after {Time(s.Newest)}: {Number(s.Lag)} h before the end of {Day(context.AsOf)}, " +
            $"above the {Number(siteLimit)} h freshness limit, though it was active in the last {settings.SiteActiveDays} days.")));
        return findings;
    }

    private static QualityFinding Finding(QualityContext context, string source, string segment, double lag, double limit, string message) =>
        new(QualityCheckKind.Freshness,
            lag > limit * context.Settings.Freshness.CriticalFactor ? QualitySeverity.Critical : QualitySeverity.Warning,
            source, segment, context.AsOf, lag, null, limit, QualityUnit.Hours, message);
}
