using ModScope.Catalog;
using ModScope.Query;
using ModScope.Stats;

namespace ModScope.Reports.Story;

/// <summary>
/// The regional review: the region (or market) against the global index, the ranking of its markets and sites by
/// targets met, its alerts with root causes, and the backlog and SLA outlook from the trailing weeks.
/// </summary>
public static class RegionalStory
{
    public static IReadOnlyList<StorySection> Build(ReportData data, StoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rules);
        var sections = new List<StorySection> { VersusGlobal(data, rules) };
        if (data.Scope.Market is null)
        {
            sections.Add(Ranking(data, rules, "market", SectionKind.MarketRanking));
            if (MarketTargets.Build(data) is { } own)
            {
                sections.Add(own);
            }
        }
        sections.Add(Ranking(data, rules, "site", SectionKind.SiteRanking));
        sections.Add(new StorySection(SectionKind.Alerts, Alerts(data, rules)));
        sections.Add(Outlook.Build(data, rules));
        if (OpportunityFacts.Section(data) is { } opportunities)
        {
            sections.Add(opportunities);
        }
        return sections;
    }

    private static StorySection VersusGlobal(ReportData data, StoryRules rules)
    {
        var place = Place(data);
        var here = data.Set(ReportSets.Headline);
        var global = data.Set(ReportSets.Global);
        var facts = new List<Fact>();
        var volume = data.Catalog.Roles.Volume;
        if (here?.Total(volume)?.Value is { } v && global?.Total(volume)?.Value is { } gv && gv > 0)
        {
            facts.Add(Fact.Of("region.share", ReportSets.Headline, ("place", place), ("value", FactArg.Value(volume, v)),
                ("share", FactArg.Share(v / gv))) with { Sources = [ReportSets.Headline, ReportSets.Global] });
        }
        var rows = new List<IReadOnlyList<FactArg>>();
        foreach (var metric in data.Catalog.Roles.ReportHeadline.Select(data.Catalog.Metric))
        {
            var r = here?.Total(metric.Id);
            var g = global?.Total(metric.Id);
            if (r?.Value is null)
            {
                continue;
            }
            rows.Add([FactArg.Name(metric.Id), FactArg.Value(metric.Id, r.Value), FactArg.Value(metric.Id, g?.Value), FactArg.Value(metric.Id, metric.Target)]);
            if (metric.Target is null || g?.Value is null)
            {
                continue;
            }
            var side = Compare(data.Catalog, metric, r, g);
            var word = side is not { } d ? "untested" : d == 0 ? "level" : metric.Goodness(d) > 0 ? "better" : "worse";
            facts.Add(Fact.Of($"region.{word}", ReportSets.Headline, ("place", place), ("metric", FactArg.Name(metric.Id)),
                ("value", FactArg.Value(metric.Id, r.Value)), ("global", FactArg.Value(metric.Id, g.Value))) with { Sources = [ReportSets.Headline, ReportSets.Global] });
        }
        // Supported differences first, the worse ones before the better ones.
        facts = facts.OrderBy(f => f.Key switch { "region.share" => 0, "region.worse" => 1, "region.better" => 2, _ => 3 }).ToList();
        return new StorySection(SectionKind.RegionVsGlobal, facts,
            [new FactTable("table.region_vs_global", ["col.metric", "col.place", "col.global", "col.target"], rows, ReportSets.Headline)]);
    }

    /// <summary>The region or the market the report is about (each shown by its name).</summary>
    private static FactArg Place(ReportData data) =>
        data.Scope.Market is { } market ? FactArg.Member("market", market) : FactArg.Member("region", data.Scope.Region);

    /// <summary>
    /// +1 / −1 when the place is above / below the global value with support, 0 when not significant, null when no test
    /// applies: a sampled value's interval must exclude the global value; a census share of counts is tested against the
    /// rest of the organisation (two-proportion z-test); hours, costs and ratios of sums are not tested.
    /// </summary>
    public static int? Compare(MetricCatalog catalog, MetricDefinition metric, MetricResult here, MetricResult global)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(here);
        ArgumentNullException.ThrowIfNull(global);
        if (here.Value is not { } v || global.Value is not { } g)
        {
            return null;
        }
        if (here.Interval is { } i)
        {
            return i.Lower > g ? 1 : i.Upper < g ? -1 : 0;
        }
        if (metric.IsProportion && CountsOnly(catalog, metric) && here is { Numerator: { } x, Denominator: { } n } && global is { Numerator: { } gx, Denominator: { } gn }
            && n > 0 && gn - n > 0 && gx - x >= 0)
        {
            var test = ProportionTest.TwoProportion((long)Math.Round(x), (long)Math.Round(n), (long)Math.Round(gx - x), (long)Math.Round(gn - n));
            return test.IsSignificant(0.05) ? Math.Sign(v - g) : 0;
        }
        return null;
    }

    /// <summary>A census share whose numerator and denominator both count events (not sums of hours or money).</summary>
    private static bool CountsOnly(MetricCatalog catalog, MetricDefinition metric) =>
        metric.Kind == MetricKind.Ratio && IsCount(catalog, metric.Numerator) && IsCount(catalog, metric.Denominator);

    private static bool IsCount(MetricCatalog catalog, Operand? operand) =>
        operand?.Measure?.Aggregate == AggregateFunction.Count || (operand?.MetricId is { } id && catalog.Metric(id).IsCount);

    private static StorySection Ranking(ReportData data, StoryRules rules, string dimension, SectionKind kind)
    {
        var set = data.Set(ReportSets.By(dimension));
        var rows = set?.Rows ?? [];
        var roles = data.Catalog.Roles;
        var targeted = roles.ReportRanking.Select(data.Catalog.Metric).Where(m => m.Target is not null).ToList();
        // Slices without a value (automated decisions have no site) are not ranked.
        var ranked = rows.Where(r => r.Metric == roles.Volume && r.Dimensions.GetValueOrDefault(dimension) is not null)
            .Select(r => r.Dimensions[dimension])
            .Select(name => (Name: name, Rows: rows.Where(r => r.Dimensions[dimension] == name).ToDictionary(r => r.Metric, StringComparer.Ordinal)))
            .Select(x => (x.Name, x.Rows, Met: targeted.Count(m => x.Rows.TryGetValue(m.Id, out var r) && Thresholds.Point(m, r.Value) == TargetStatus.Met),
                Judged: targeted.Count(m => x.Rows.TryGetValue(m.Id, out var r) && r.Value is not null)))
            .OrderByDescending(x => x.Met).ThenByDescending(x => x.Rows.GetValueOrDefault(roles.QaRate)?.Value ?? 0).ThenBy(x => x.Name, StringComparer.Ordinal)
            .ToList();
        double? V(Dictionary<string, MetricResult> r, string id) => r.TryGetValue(id, out var x) ? x.Value : null;
        var table = new FactTable($"table.{dimension}_ranking", ["col.rank", $"col.{dimension}", "col.decisions", $"col.{roles.QaRate}", $"col.{roles.Sla}", $"col.{roles.Overturn}", "col.targets_met"],
            ranked.Take(rules.MaxRankingRows).Select((x, i) => (IReadOnlyList<FactArg>)
            [
                FactArg.Count(i + 1), FactArg.Member(dimension, x.Name), FactArg.Value(roles.Volume, V(x.Rows, roles.Volume)),
                FactArg.Value(roles.QaRate, V(x.Rows, roles.QaRate)), FactArg.Value(roles.Sla, V(x.Rows, roles.Sla)),
                FactArg.Value(roles.Overturn, V(x.Rows, roles.Overturn)), FactArg.Count(x.Met),
            ]).ToList(), ReportSets.By(dimension));
        var facts = new List<Fact>();
        if (ranked.Count >= 2)
        {
            facts.Add(Fact.Of("ranking.lead", ReportSets.By(dimension), ("dimension", FactArg.DimensionName(dimension)), ("place", Place(data)),
                ("first", FactArg.Segment(dimension, ranked[0].Name)), ("met", FactArg.Count(ranked[0].Met)), ("total", FactArg.Count(ranked[0].Judged)),
                ("last", FactArg.Segment(dimension, ranked[^1].Name)), ("last_met", FactArg.Count(ranked[^1].Met)), ("last_total", FactArg.Count(ranked[^1].Judged))));
        }
        else if (ranked.Count == 1)
        {
            facts.Add(Fact.Of("ranking.single", ReportSets.By(dimension), ("first", FactArg.Segment(dimension, ranked[0].Name)),
                ("met", FactArg.Count(ranked[0].Met)), ("total", FactArg.Count(ranked[0].Judged))));
        }
        return new StorySection(kind, facts, [table]);
    }

    private static List<Fact> Alerts(ReportData data, StoryRules rules)
    {
        var alerts = AlertFacts.InScope(data, rules).Take(rules.MaxAlerts).ToList();
        if (alerts.Count == 0)
        {
            return [Fact.Of("alert.none", ReportSets.Headline, ("place", Place(data)))];
        }
        return alerts.SelectMany(a => AlertFacts.Causes(a).Prepend(AlertFacts.Line(a, data.Catalog, "alert"))).ToList();
    }
}
