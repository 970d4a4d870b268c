using ModScope.Catalog;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Calendar;
using ModScope.Query;

namespace ModScope.Reports.Story;

/// <summary>
/// The exec page: the headline index against targets and the prior period; the largest significant movements;
/// one risk to watch (the first rule that fires, in order: a persistent miss, an open alert, the worst deterioration,
/// a miss this period); the decisions the numbers call for; and the top opportunities, one line each (<see cref="OpportunityFacts"/>).
/// </summary>
public static class ExecStory
{
    public static IReadOnlyList<StorySection> Build(ReportData data, StoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rules);
        var movements = Movements.Top(Movements.Find(data, data.Catalog.Roles.ReportMovements, rules.Dimensions(ReportAudience.Exec), rules), rules);
        return
        [
            Headline.Build(data, rules),
            new StorySection(SectionKind.Movements, movements.Count == 0
                ? [Fact.Of("move.none", ReportSets.Headline, ("prior", FactArg.PeriodLabel(true)))]
                : movements.Select(m => MovementFact(m, MovementEvents.Of(data, m))).ToList()),
            new StorySection(SectionKind.Risk, [Risk(data, rules, movements)]),
            new StorySection(SectionKind.Decisions, Decisions(data, rules)),
            .. OpportunityFacts.Section(data) is { } opportunities ? [opportunities] : Array.Empty<StorySection>(),
        ];
    }

    /// <summary>
    /// "Overall, QA accuracy improved to 96.1% from 95.0% (+1.1 pp)", with "for N weeks running" when persistent and
    /// "coinciding with Singles' Day (11.11)" when it happened during a known event (<see cref="MovementEvents"/>).
    /// </summary>
    public static Fact MovementFact(Movement m, CalendarEvent? during = null)
    {
        ArgumentNullException.ThrowIfNull(m);
        var good = m.Metric.Goodness(m.Sign);
        var word = good > 0 ? "improved" : good < 0 ? "worsened" : m.Sign > 0 ? "rose" : "fell";
        var persistent = m.PersistentWeeks >= 2;
        var fact = Fact.Of($"move.{word}{(persistent ? ".persistent" : "")}{(during is null ? "" : ".event")}", m.Source,
            ("subject", Segments.Of(m.Row, m.Dimension)), ("metric", FactArg.Name(m.Metric.Id)), ("value", FactArg.Value(m.Metric.Id, m.Row.Value)),
            ("prior", FactArg.Value(m.Metric.Id, m.Row.ComparisonValue)), ("change", FactArg.Change(m.Metric.Id, m.Row.AbsoluteChange)),
            ("weeks", FactArg.Count(m.PersistentWeeks)));
        if (during is not null)
        {
            fact = fact with { Args = new Dictionary<string, FactArg>(fact.Args, StringComparer.Ordinal) { ["event"] = FactArg.Event(during.Id) } };
        }
        return fact with { Score = m.Score, Sources = persistent ? [m.Source, m.Dimension is { } d ? ReportSets.WeeklyBy(d) : ReportSets.Weekly] : [m.Source] };
    }

    private static Fact Risk(ReportData data, StoryRules rules, IReadOnlyList<Movement> movements)
    {
        var headline = data.Set(ReportSets.Headline);
        var weekly = data.Rows(ReportSets.Weekly).ToList();
        var targeted = data.Catalog.Roles.ReportHeadline.Select(data.Catalog.Metric).Where(m => m.Target is not null).ToList();
        // 1. A headline metric that has missed its target for several weeks running, the furthest off first.
        var persistent = targeted
            .Select(m => (Metric: m, Row: headline?.Total(m.Id), Weeks: Persistence.MissedWeeks(m, Persistence.Series(weekly, m.Id, Empty))))
            .Where(x => x.Row is not null && x.Weeks >= rules.PersistentWeeks && Thresholds.Point(x.Metric, x.Row.Value) == TargetStatus.Missed)
            .OrderByDescending(x => Thresholds.Gap(x.Metric, x.Row!.Value)).FirstOrDefault();
        if (persistent.Metric is { } pm)
        {
            return Fact.Of("risk.missed", ReportSets.Weekly, ("metric", FactArg.Name(pm.Id)), ("target", FactArg.Value(pm.Id, pm.Target)),
                ("weeks", FactArg.Count(persistent.Weeks)), ("value", FactArg.Value(pm.Id, persistent.Row!.Value))) with { Sources = [ReportSets.Weekly, ReportSets.Headline] };
        }
        // 2. The most serious open metric alert in the report's scope.
        if (AlertFacts.InScope(data, rules) is [var alert, ..])
        {
            return AlertFacts.Line(alert, data.Catalog, "risk.alert");
        }
        // 3. The largest deterioration among the movements.
        if (movements.FirstOrDefault(m => m.Metric.Goodness(m.Sign) < 0) is { } worse)
        {
            return Fact.Of("risk.worsening", worse.Source, ("subject", Segments.Of(worse.Row, worse.Dimension)), ("metric", FactArg.Name(worse.Metric.Id)),
                ("value", FactArg.Value(worse.Metric.Id, worse.Row.Value)), ("prior", FactArg.Value(worse.Metric.Id, worse.Row.ComparisonValue)));
        }
        // 4. A target missed this period (a sampled one: its whole interval).
        var missed = targeted.Select(m => (Metric: m, Row: headline?.Total(m.Id)))
            .Where(x => x.Row is not null && (x.Metric.Sampled ? Thresholds.Judged(x.Metric, x.Row) : Thresholds.Point(x.Metric, x.Row.Value)) == TargetStatus.Missed)
            .OrderByDescending(x => Thresholds.Gap(x.Metric, x.Row!.Value)).FirstOrDefault();
        return missed.Metric is { } mm
            ? Fact.Of("risk.missed_now", ReportSets.Headline, ("metric", FactArg.Name(mm.Id)), ("value", FactArg.Value(mm.Id, missed.Row!.Value)), ("target", FactArg.Value(mm.Id, mm.Target)))
            : Fact.Of("risk.none", ReportSets.Headline);
    }

    /// <summary>
    /// A decision for each headline metric that misses its target and either has missed it for two weeks or more or
    /// worsened significantly (a sampled one: its interval is wholly off target, or it has missed for several weeks), furthest off first, naming the weakest site or market; and more QA audits when the
    /// accuracy estimate is too wide to say whether the target is met.
    /// </summary>
    private static List<Fact> Decisions(ReportData data, StoryRules rules)
    {
        var headline = data.Set(ReportSets.Headline);
        var weekly = data.Rows(ReportSets.Weekly).ToList();
        var decisions = new List<Fact>();
        foreach (var metric in data.Catalog.Roles.ReportHeadline.Select(data.Catalog.Metric).Where(m => m.Target is not null)
                     .OrderByDescending(m => Thresholds.Gap(m, headline?.Total(m.Id)?.Value)))
        {
            var row = headline?.Total(metric.Id);
            if (row is null || Thresholds.Point(metric, row.Value) != TargetStatus.Missed)
            {
                continue;
            }
            var weeks = Persistence.MissedWeeks(metric, Persistence.Series(weekly, metric.Id, Empty));
            var worsened = row.Significant == true && metric.Goodness(row.AbsoluteChange ?? 0) < 0;
            // A sampled estimate whose interval still holds the target is a miss only when it has persisted for weeks.
            var supported = !metric.Sampled || Thresholds.Judged(metric, row) == TargetStatus.Missed || weeks >= rules.PersistentWeeks;
            if ((weeks < 2 && !worsened) || !supported)
            {
                continue;
            }
            var (where, source) = WeakestPlace(data, rules, metric);
            // A metric's own decision sentence where the text has one (decision.{metric id}), else the generic one.
            var key = source is not null ? $"decision.{metric.Id}" : "decision.generic";
            decisions.Add(Fact.Of(key, ReportSets.Headline, ("metric", FactArg.Name(metric.Id)), ("value", FactArg.Value(metric.Id, row.Value)),
                ("target", FactArg.Value(metric.Id, metric.Target)), ("weeks", FactArg.Count(weeks)), ("where", where)) with
            {
                Sources = source is null ? [ReportSets.Headline, ReportSets.Weekly] : [ReportSets.Headline, ReportSets.Weekly, source],
                Fallback = "decision.generic",
            });
        }
        var qaRate = data.Catalog.Metric(data.Catalog.Roles.QaRate);
        var accuracy = headline?.Total(qaRate.Id);
        if (accuracy is { Interval: { } i, SampleSize: { } n } && i.Width / 2 > rules.QaMargin &&
            Thresholds.Judged(qaRate, accuracy) == TargetStatus.Undetermined)
        {
            decisions.Add(ThinSample.Fact("decision.qa_sample", accuracy, null, qaRate, rules, ReportSets.Headline));
        }
        decisions = decisions.Take(rules.MaxDecisions).ToList();
        return decisions.Count > 0 ? decisions : [Fact.Of("decision.none", ReportSets.Headline)];
    }

    private static (FactArg Where, string? Source) WeakestPlace(ReportData data, StoryRules rules, MetricDefinition metric)
    {
        foreach (var dimension in PlaceOrder.Where(d => rules.Dimensions(data.Scope.Audience).Contains(d)))
        {
            if (data.Set(ReportSets.By(dimension)) is { } set && Segments.Worst(metric, set.Of(metric.Id)) is { } worst)
            {
                return (Segments.Of(worst, dimension), set.Id);
            }
        }
        return (FactArg.Segment(null, null), null);
    }

    private static readonly string[] PlaceOrder = ["site", "market", "queue", "policy"];

    private static readonly IReadOnlyDictionary<string, string?> Empty = new Dictionary<string, string?>();
}
