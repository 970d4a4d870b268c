using ModScope.Catalog;
using ModScope.Monitor.Explanation;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Scan;

namespace ModScope.Reports.Story;

/// <summary>Monitor alerts in a report's scope and period, and the facts that describe them with their root causes.</summary>
public static class AlertFacts
{
    /// <summary>
    /// The open metric alerts of the report's period and place, most serious first, by the dashboard's rule: open is new or
    /// acknowledged (or a snooze that has ended by the period's end, <see cref="Alert.IsOpen"/>), and the place is
    /// <see cref="AlertScope"/>'s (the whole organisation: every alert; a market: alerts naming it; a region: alerts naming
    /// it or one of its markets in the store's reference data). "No open alert" in a report then means what the overview says.
    /// </summary>
    public static IReadOnlyList<Alert> InScope(ReportData data, StoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rules);
        var scope = Scope(data);
        // The report's "today" is the day after its period, as the dashboard's is the day after its newest data.
        var today = DateOnly.FromDateTime(data.Scope.Period.End);
        return data.Alerts
            .Where(a => a.Finding.Kind == AlertKind.Metric && a.IsOpen(today) && scope.Covers(a))
            .OrderByDescending(a => a.Finding.Rank).ThenBy(a => a.Id).ToList();
    }

    /// <summary>The dashboard's alert scope for a report: its period's days and its market or region filter.</summary>
    public static AlertScope Scope(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var filters = data.Scope.PlaceDimension is { } dimension ? [(dimension, (IReadOnlyList<string>)[data.Scope.Place!])] : Array.Empty<(string, IReadOnlyList<string>)>();
        return new AlertScope(DateOnly.FromDateTime(data.Scope.Period.Start), DateOnly.FromDateTime(data.Scope.Period.End).AddDays(-1),
            AlertScope.PlacesOf(filters, data.Reference));
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
}
