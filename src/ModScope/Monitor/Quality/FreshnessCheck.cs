using ModScope.Monitor.Findings;
using static ModScope.Monitor.Quality.QualityText;
using static ModScope.Monitor.Quality.QualityValues;

namespace ModScope.Monitor.Quality;

/// <summary>
/// How old the newest event is at the end of the as-of day, per source and, for decisions, per site that was active
/// in the last <see cref="FreshnessSettings.SiteActiveDays"/> days. Sites are judged only while the source itself is fresh.
/// </summary>
internal sealed class FreshnessCheck : IQualityCheck
{
    public async Task<IReadOnlyList<QualityFinding>> RunAsync(QualityContext context)
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
                    $"The newest {source.Name} event ({Time(newest)}) is {Number(lag)} h old at the end of {Day(context.AsOf)}, above the {Number(limit)} h freshness limit.")
                    with { Facts = Facts("freshness.source", context, source.Name, newest, lag, limit) });
            }
        }

        var decisions = QualitySource.Decisions;
        if (findings.Exists(f => f.Source == decisions.Name) || context.Watermarks[decisions.Name].NewestEvent is null)
        {
            return findings;
        }
        var siteLimit = settings.HoursFor(decisions.Name);
        var activeFrom = context.AsOf.AddDays(1 - settings.SiteActiveDays).ToDateTime(TimeOnly.MinValue);
        // Only the active days are read: a site whose newest decision is older is not judged, and for one that was
        // active its newest decision before the end is in them (at 50M decisions this reads a fortnight, not all rows).
        var sites = await context.Sql.RowsAsync($"""
            SELECT site, max(decided_at) FROM {context.Sql.Quote(decisions.Name)}
            WHERE site IS NOT NULL AND decided_at >= $active_from AND decided_at < $until
            GROUP BY site
            """, ("active_from", activeFrom), ("until", end)).ConfigureAwait(false);
        var stale = sites.Select(r => (Site: AsText(r[0]), Newest: AsTime(r[1])))
            .Select(s => (s.Site, s.Newest, Lag: (end - s.Newest).TotalHours))
            .Where(s => s.Newest >= activeFrom && s.Lag > siteLimit)
            .OrderBy(s => s.Site, StringComparer.Ordinal);
        findings.AddRange(stale.Select(s => Finding(context, decisions.Name, $"site = {s.Site}", s.Lag, siteLimit,
            $"Site {s.Site} sent no decision after {Time(s.Newest)}: {Number(s.Lag)} h before the end of {Day(context.AsOf)}, " +
            $"above the {Number(siteLimit)} h freshness limit, though it was active in the last {settings.SiteActiveDays} days.") with
        {
            Facts = Facts("freshness.site", context, decisions.Name, s.Newest, s.Lag, siteLimit,
                ("site", new(FactKind.Segment, Text: "site=" + s.Site)), ("active_days", FindingFacts.Count(settings.SiteActiveDays))),
        }));
        return findings;
    }

    private static FindingFacts Facts(string template, QualityContext context, string source, DateTime newest, double lag, double limit,
        params (string Name, FindingFact Fact)[] more)
    {
        var facts = new Dictionary<string, FindingFact>(StringComparer.Ordinal)
        {
            ["source"] = new(FactKind.Source, Text: source), ["newest"] = FindingFacts.Time(newest), ["day"] = FindingFacts.Day(context.AsOf),
            ["lag"] = FindingFacts.Of(FactKind.Hours, lag), ["limit"] = FindingFacts.Of(FactKind.Hours, limit),
        };
        foreach (var (name, fact) in more)
        {
            facts[name] = fact;
        }
        return new FindingFacts(template, facts);
    }

    private static QualityFinding Finding(QualityContext context, string source, string segment, double lag, double limit, string message) =>
        new(QualityCheckKind.Freshness,
            lag > limit * context.Settings.Freshness.CriticalFactor ? QualitySeverity.Critical : QualitySeverity.Warning,
            source, segment, context.AsOf, lag, null, limit, QualityUnit.Hours, message);
}
