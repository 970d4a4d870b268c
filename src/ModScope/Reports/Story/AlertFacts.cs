using ModScope.Catalog;
using ModScope.Monitor.Explanation;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Scan;

namespace ModScope.Reports.Story;

/// <summary>Monitor alerts in a report's scope and period, and the facts that describe them with their root causes.</summary>
public static class AlertFacts
{
    /// <summary>
    /// Metric alerts that overlap the period, are not resolved or suppressed, and touch the scope (any for the whole
    /// organisation; for a region or market, a segment naming it, one of its markets or one of its sites), most serious first.
    /// </summary>
    public static IReadOnlyList<Alert> InScope(ReportData data, StoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rules);
        var from = DateOnly.FromDateTime(data.Scope.Period.Start);
        var to = DateOnly.FromDateTime(data.Scope.Period.End).AddDays(-1);
        var places = Places(data);
        return data.Alerts
            .Where(a => a.Finding.Kind == AlertKind.Metric && a.Status is not (AlertStatus.Resolved or AlertStatus.Suppressed))
            .Where(a => a.Finding.FirstDay <= to && a.Finding.LastDay >= from)
            .Where(a => places is null || SeriesKey.Parse(a.Finding.Segment).Any(p => places.Contains($"{p.Key}={p.Value}")))
            .OrderByDescending(a => a.Finding.Rank).ThenBy(a => a.Id).ToList();
    }

    /// <summary>"{metric} in {subject} rose/fell from {since}: {value} against {expected} expected".</summary>
    public static Fact Line(Alert alert, MetricCatalog catalog, string key)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(catalog);
        var f = alert.Finding;
        var metric = catalog.Metric(f.Subject).Id;
        return Fact.Of($"{key}.{(f.Direction >= 0 ? "up" : "down")}", Source(alert), ("metric", FactArg.Name(metric)), ("subject", FactArg.Segment(f.Segment)),
            ("since", FactArg.Day(f.FirstDay)), ("until", FactArg.Day(f.LastDay)), ("value", FactArg.Value(metric, f.Value)),
            ("expected", FactArg.Value(metric, f.Expected))) with { Score = f.Rank };
    }

    /// <summary>The stored root causes (top two) and the mix/rate split of an alert, as facts.</summary>
    public static IEnumerable<Fact> Causes(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (AlertExplanation.FromJson(alert.Finding.Explanation) is not { } e)
        {
            yield return Fact.Of("alert.no_cause", Source(alert), ("id", FactArg.Count(alert.Id)));
            yield break;
        }
        if (e.Causes.Count == 0 && e.MixRate is null)
        {
            yield return Fact.Of("alert.cause_none", Source(alert));
            yield break;
        }
        foreach (var cause in e.Causes.Take(2))
        {
            yield return Fact.Of("alert.cause", Source(alert), ("cause", FactArg.Segment(SeriesKey.Format(cause.Conjunction.ToDictionary(p => p.Key, p => (string?)p.Value)))),
                ("share", FactArg.Share(cause.Share)), ("now", FactArg.Value(e.Metric, cause.CurrentValue)), ("before", FactArg.Value(e.Metric, cause.BaselineValue)));
        }
        if (e.MixRate is { } split)
        {
            yield return Fact.Of(Math.Abs(split.Mix) > Math.Abs(split.Rate) ? "alert.mix" : "alert.rate", Source(alert),
                ("dimension", FactArg.DimensionName(split.Dimension)), ("change", FactArg.Change(e.Metric, split.Change)),
                ("mix", FactArg.Change(e.Metric, split.Mix)), ("rate", FactArg.Change(e.Metric, split.Rate)));
        }
    }

    /// <summary>The source name of an alert's numbers (the appendix lists the alert).</summary>
    public static string Source(Alert alert) => $"alert:{alert?.Id}";

    /// <summary>dimension=value pairs that belong to the scope, or null for the whole organisation.</summary>
    private static HashSet<string>? Places(ReportData data)
    {
        if (data.Scope.PlaceDimension is not { } dimension)
        {
            return null;
        }
        var places = new HashSet<string>(StringComparer.Ordinal) { $"{dimension}={data.Scope.Place}" };
        foreach (var d in new[] { "market", "site" })
        {
            foreach (var row in data.Rows(ReportSets.By(d)))
            {
                if (row.Dimensions.TryGetValue(d, out var v))
                {
                    places.Add($"{d}={v}");
                }
            }
        }
        return places;
    }
}
