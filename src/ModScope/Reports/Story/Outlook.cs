using ModScope.Query;

namespace ModScope.Reports.Story;

/// <summary>
/// Backlog and SLA outlook from the trailing weeks: a backlog that grew (or shrank) for two weeks or more is projected
/// one week ahead at its recent average weekly change; SLA attainment is judged week by week against its target;
/// the weakest queue is named.
/// </summary>
public static class Outlook
{
    public static StorySection Build(ReportData data, StoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rules);
        var weekly = data.Rows(ReportSets.Weekly).ToList();
        var none = new Dictionary<string, string?>();
        var roles = data.Catalog.Roles;
        var backlog = Persistence.Series(weekly, roles.Backlog, none);
        var sla = Persistence.Series(weekly, roles.Sla, none);
        var facts = new List<Fact>();
        if (backlog.Count >= 2)
        {
            var last = backlog[^1].Value!.Value;
            var rising = Persistence.MovingWeeks(backlog, 1);
            var falling = Persistence.MovingWeeks(backlog, -1);
            var steps = Math.Min(3, backlog.Count - 1);
            var pace = (last - backlog[^(steps + 1)].Value!.Value) / steps;
            var next = DateOnly.FromDateTime(backlog[^1].Bucket!.Value).AddDays(7);
            var key = rising >= 2 ? "outlook.backlog.rising" : falling >= 2 ? "outlook.backlog.falling" : "outlook.backlog.mixed";
            facts.Add(Fact.Of(key, ReportSets.Weekly, ("metric", FactArg.Name(roles.Backlog)), ("value", FactArg.Value(roles.Backlog, last)), ("weeks", FactArg.Count(Math.Max(rising, falling))),
                ("n", FactArg.Count(backlog.Count)), ("pace", FactArg.Value(roles.Backlog, Math.Abs(pace))),
                ("projected", FactArg.Value(roles.Backlog, Math.Max(0, last + pace))), ("next", FactArg.Week(next))));
        }
        var slaMetric = data.Catalog.Metric(roles.Sla);
        if (sla.Count > 0 && slaMetric.Target is { } target)
        {
            var missed = sla.Count(r => Thresholds.Point(slaMetric, r.Value) == TargetStatus.Missed);
            facts.Add(Fact.Of(missed == 0 ? "outlook.sla.met" : "outlook.sla.missed", ReportSets.Weekly, ("metric", FactArg.Name(slaMetric.Id)), ("target", FactArg.Value(slaMetric.Id, target)),
                ("missed", FactArg.Count(missed)), ("n", FactArg.Count(sla.Count)), ("value", FactArg.Value(slaMetric.Id, sla[^1].Value))));
        }
        if (data.Set(ReportSets.By("queue")) is { } queues && Segments.Worst(slaMetric, queues.Of(slaMetric.Id)) is { } worst)
        {
            facts.Add(Fact.Of("outlook.sla.queue", queues.Id, ("metric", FactArg.Name(slaMetric.Id)), ("subject", Segments.Of(worst, "queue")), ("value", FactArg.Value(slaMetric.Id, worst.Value))));
        }
        var buckets = weekly.Where(r => r.Bucket is not null).Select(r => r.Bucket!.Value).Distinct().Order().ToList();
        MetricResult? At(IReadOnlyList<MetricResult> s, DateTime b) => s.FirstOrDefault(r => r.Bucket == b);
        var tat = Persistence.Series(weekly, roles.Turnaround, none);
        var table = new FactTable("table.outlook", ["col.week", "col.backlog", $"col.{roles.Sla}", $"col.{roles.Turnaround}"],
            buckets.Select(b => (IReadOnlyList<FactArg>)
            [
                FactArg.Week(DateOnly.FromDateTime(b)), FactArg.Value(roles.Backlog, At(backlog, b)?.Value),
                FactArg.Value(roles.Sla, At(sla, b)?.Value), FactArg.Value(roles.Turnaround, At(tat, b)?.Value),
            ]).ToList(), ReportSets.Weekly);
        return new StorySection(SectionKind.Outlook, facts, [table]);
    }
}
