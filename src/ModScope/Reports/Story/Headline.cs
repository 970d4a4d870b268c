using ModScope.Query;

namespace ModScope.Reports.Story;

/// <summary>
/// The headline index: how many core metrics with a target met it this period and the period before, the decision
/// volume (a rise or fall only when significant), and the scorecard table (metric, this period, prior period, target).
/// </summary>
public static class Headline
{
    public static StorySection Build(ReportData data, StoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rules);
        var set = data.Set(ReportSets.Headline);
        var rows = data.Catalog.Roles.ReportHeadline.Select(id => (Metric: data.Catalog.Metric(id), Row: set?.Total(id))).Where(x => x.Row is not null).ToList();
        var targeted = rows.Where(x => x.Metric.Target is not null && x.Row!.Value is not null).ToList();
        var met = targeted.Count(x => Thresholds.Point(x.Metric, x.Row!.Value) == TargetStatus.Met);
        var priorMet = targeted.Count(x => Thresholds.Point(x.Metric, x.Row!.ComparisonValue) == TargetStatus.Met);
        var facts = new List<Fact>
        {
            Fact.Of("headline.index", ReportSets.Headline, ("met", FactArg.Count(met)), ("total", FactArg.Count(targeted.Count)),
                ("prior_met", FactArg.Count(priorMet)), ("period", FactArg.PeriodLabel(false)), ("prior", FactArg.PeriodLabel(true))),
        };
        if (set?.Total(data.Catalog.Roles.Volume) is { Value: not null } volume)
        {
            facts.Add(Change("headline.volume", data.Catalog.Roles.Volume, volume, ReportSets.Headline));
        }
        var table = new FactTable("table.headline", ["col.metric", "col.period", "col.prior", "col.target"],
            rows.Select(x => (IReadOnlyList<FactArg>)
            [
                FactArg.Name(x.Metric.Id), FactArg.Value(x.Metric.Id, x.Row!.Value), FactArg.Value(x.Metric.Id, x.Row.ComparisonValue),
                FactArg.Value(x.Metric.Id, x.Metric.Target),
            ]).ToList(), ReportSets.Headline);
        return new StorySection(SectionKind.Headline, facts, [table]);
    }

    /// <summary>
    /// "{key}.rose" / ".fell" when the change is significant, ".steady" when it is not (or cannot be tested):
    /// a change that is not significant is never called a rise or a fall. ".partial" (".partial_current") when the
    /// previous (the current) period has data for only part of its days and the metric does not compare so
    /// (<see cref="ComparisonCoverage"/>): the sentence says so instead of a change.
    /// </summary>
    public static Fact Change(string key, string metric, MetricResult row, string source)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Coverage is { Comparable: false } partial)
        {
            // A period the data only partly covers: no rise, fall or "steady", but why there is no comparison.
            var (covered, days, partialWord) = partial.PreviousPartial
                ? (partial.PreviousDaysWithData, partial.PreviousDays, "partial")
                : (partial.DaysWithData, partial.Days, "partial_current");
            return Fact.Of($"{key}.{partialWord}", source, ("metric", FactArg.Name(metric)), ("value", FactArg.Value(metric, row.Value)),
                ("covered", FactArg.Count(covered)), ("days", FactArg.Count(days)), ("first", FactArg.Day(partial.FirstDay)));
        }
        var word = row.Significant == true && row.AbsoluteChange is { } c && c != 0 ? (c > 0 ? "rose" : "fell") : "steady";
        return Fact.Of($"{key}.{word}", source, ("metric", FactArg.Name(metric)), ("value", FactArg.Value(metric, row.Value)),
            ("prior", FactArg.Value(metric, row.ComparisonValue)), ("relative", FactArg.Share(row.RelativeChange is { } r ? Math.Abs(r) : null)),
            ("period", FactArg.PeriodLabel(false)));
    }
}
