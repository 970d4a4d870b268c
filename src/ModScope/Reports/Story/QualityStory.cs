using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Reports.Story;

/// <summary>
/// The quality review: accuracy by policy and by site with intervals (a slice is below target only when its whole
/// interval is), error types, over- vs under-enforcement against their targets, auditor agreement (kappa), appeal
/// overturns by policy, and the slices whose QA sample is too thin to conclude, with the audits needed.
/// </summary>
public static class QualityStory
{
    public static IReadOnlyList<StorySection> Build(ReportData data, StoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rules);
        return
        [
            Accuracy(data, "policy", SectionKind.AccuracyByPolicy, withTotal: true),
            Accuracy(data, "site", SectionKind.AccuracyBySite, withTotal: false),
            ErrorTypes(data),
            Balance(data),
            Agreement(data),
            Overturns(data, rules),
            Thin(data, rules),
        ];
    }

    private static StorySection Accuracy(ReportData data, string dimension, SectionKind kind, bool withTotal)
    {
        var metric = data.Catalog.Metric(data.Catalog.Roles.QaRate);
        var set = data.Set(ReportSets.By(dimension));
        var rows = ByValue(set?.Of(metric.Id) ?? [], descending: false);
        var facts = new List<Fact>();
        if (withTotal && data.Set(ReportSets.Headline)?.Total(metric.Id) is { Value: not null, Interval: not null } total)
        {
            facts.Add(Fact.Of("quality.total", ReportSets.Headline, ("metric", FactArg.Name(metric.Id)), ("value", FactArg.Value(metric.Id, total.Value)),
                ("interval", FactArg.Range(metric.Id, total.Interval.Lower, total.Interval.Upper)), ("audits", FactArg.Count(total.SampleSize)),
                ("target", FactArg.Value(metric.Id, metric.Target))));
        }
        var below = rows.Where(r => Thresholds.Judged(metric, r) == TargetStatus.Missed).Take(3).ToList();
        facts.AddRange(below.Select(r => Fact.Of("quality.below", set!.Id, ("subject", Segments.Of(r, dimension)), ("metric", FactArg.Name(metric.Id)), ("value", FactArg.Value(metric.Id, r.Value)),
            ("interval", FactArg.Range(metric.Id, r.Interval!.Lower, r.Interval.Upper)), ("target", FactArg.Value(metric.Id, metric.Target)))));
        if (below.Count == 0)
        {
            facts.Add(Fact.Of("quality.none_below", set?.Id ?? ReportSets.Headline, ("metric", FactArg.Name(metric.Id)), ("dimension", FactArg.DimensionName(dimension)), ("target", FactArg.Value(metric.Id, metric.Target))));
        }
        var table = new FactTable($"table.accuracy_by_{dimension}", [$"col.{dimension}", $"col.{metric.Id}", "col.audits", "col.vs_target"],
            rows.Select(r => (IReadOnlyList<FactArg>)
            [
                FactArg.Member(dimension, r.Dimensions[dimension]), FactArg.Estimate(metric.Id, r), FactArg.Count(r.SampleSize),
                FactArg.Word($"status.{Thresholds.Judged(metric, r).ToString().ToLowerInvariant()}"),
            ]).ToList(), set?.Id ?? ReportSets.By(dimension));
        return new StorySection(kind, facts, [table]);
    }

    private static StorySection ErrorTypes(ReportData data)
    {
        var headline = data.Set(ReportSets.Headline);
        var facts = new List<Fact>();
        var errors = data.Catalog.Roles.QualityErrors;
        foreach (var metric in errors.Select(data.Catalog.Metric))
        {
            if (headline?.Total(metric.Id) is { Value: not null, Interval: not null } r)
            {
                facts.Add(Fact.Of(metric.Target is null ? "quality.error.no_target" : "quality.error", ReportSets.Headline, ("metric", FactArg.Name(metric.Id)),
                    ("value", FactArg.Value(metric.Id, r.Value)), ("interval", FactArg.Range(metric.Id, r.Interval.Lower, r.Interval.Upper)),
                    ("target", FactArg.Value(metric.Id, metric.Target)), ("status", FactArg.Word($"status.{Thresholds.Judged(metric, r).ToString().ToLowerInvariant()}"))));
            }
        }
        var tables = new List<FactTable>();
        foreach (var dimension in new[] { "policy", "site" })
        {
            var set = data.Set(ReportSets.By(dimension));
            var names = set?.Rows.Where(r => r.Metric == data.Catalog.Roles.QaRate).Select(r => r.Dimensions[dimension]).ToList() ?? [];
            tables.Add(new FactTable($"table.errors_by_{dimension}", [$"col.{dimension}", .. errors.Select(m => $"col.{m}")],
                names.Select(name => (IReadOnlyList<FactArg>)
                [
                    FactArg.Member(dimension, name),
                    .. errors.Select(m => FactArg.Estimate(m, set!.Of(m).FirstOrDefault(r => r.Dimensions[dimension] == name))),
                ]).ToList(), set?.Id ?? ReportSets.By(dimension)));
        }
        return new StorySection(SectionKind.ErrorTypes, facts, tables);
    }

    /// <summary>Over- vs under-enforcement against their targets; "leans" one way only when one is judged missed and the other met.</summary>
    private static StorySection Balance(ReportData data)
    {
        var headline = data.Set(ReportSets.Headline);
        var over = data.Catalog.Metric(data.Catalog.Roles.OverEnforcement);
        var under = data.Catalog.Metric(data.Catalog.Roles.UnderEnforcement);
        if (headline?.Total(over.Id) is not { Value: not null } o || headline.Total(under.Id) is not { Value: not null } u)
        {
            return new StorySection(SectionKind.EnforcementBalance, []);
        }
        var (so, su) = (Thresholds.Judged(over, o), Thresholds.Judged(under, u));
        var facts = new List<Fact>
        {
            Fact.Of("quality.balance", ReportSets.Headline, ("over_metric", FactArg.Name(over.Id)), ("under_metric", FactArg.Name(under.Id)), ("over", FactArg.Value(over.Id, o.Value)), ("over_target", FactArg.Value(over.Id, over.Target)),
                ("over_status", FactArg.Word($"status.{so.ToString().ToLowerInvariant()}")), ("under", FactArg.Value(under.Id, u.Value)),
                ("under_target", FactArg.Value(under.Id, under.Target)), ("under_status", FactArg.Word($"status.{su.ToString().ToLowerInvariant()}"))),
        };
        if (so == TargetStatus.Missed && su == TargetStatus.Met)
        {
            facts.Add(Fact.Of("quality.lean.over", ReportSets.Headline));
        }
        else if (su == TargetStatus.Missed && so == TargetStatus.Met)
        {
            facts.Add(Fact.Of("quality.lean.under", ReportSets.Headline));
        }
        return new StorySection(SectionKind.EnforcementBalance, facts);
    }

    /// <summary>Cohen's kappa with the Landis &amp; Koch (1977) band its value falls in.</summary>
    private static StorySection Agreement(ReportData data)
    {
        var metric = data.Catalog.Metric(data.Catalog.Roles.Agreement);
        var facts = new List<Fact>();
        if (data.Set(ReportSets.Headline)?.Total(metric.Id) is { Value: { } k } total)
        {
            var band = k > 0.8 ? "almost_perfect" : k > 0.6 ? "substantial" : k > 0.4 ? "moderate" : k > 0.2 ? "fair" : "slight";
            facts.Add(Fact.Of("quality.kappa", ReportSets.Headline, ("metric", FactArg.Name(metric.Id)), ("band", FactArg.Word($"kappa.{band}")), ("value", FactArg.Estimate(metric.Id, total)),
                ("target", FactArg.Value(metric.Id, metric.Target)), ("audits", FactArg.Count(total.SampleSize))));
        }
        var set = data.Set(ReportSets.AgreementBy("site"));
        var table = new FactTable("table.kappa_by_site", ["col.site", $"col.{metric.Id}", "col.audits", "col.vs_target"],
            ByValue(set?.Of(metric.Id) ?? [], descending: false).Select(r => (IReadOnlyList<FactArg>)
            [
                FactArg.Member("site", r.Dimensions["site"]), FactArg.Estimate(metric.Id, r), FactArg.Count(r.SampleSize),
                FactArg.Word($"status.{Thresholds.Judged(metric, r).ToString().ToLowerInvariant()}"),
            ]).ToList(), set?.Id ?? ReportSets.AgreementBy("site"));
        return new StorySection(SectionKind.AuditorAgreement, facts, [table]);
    }

    private static StorySection Overturns(ReportData data, StoryRules rules)
    {
        var metric = data.Catalog.Metric(data.Catalog.Roles.Overturn);
        var set = data.Set(ReportSets.By("policy"));
        var rows = ByValue(set?.Of(metric.Id) ?? [], descending: true);
        var total = data.Set(ReportSets.Headline)?.Total(metric.Id);
        var movers = rows.Where(r => r.Significant == true && r.AbsoluteChange is not null and not 0 && Movements.LargeEnough(metric, r, rules))
            .Select(r => new Movement(metric, r, "policy", set!.Id, Math.Abs(r.AbsoluteChange!.Value) * ((r.Denominator ?? 0) / Math.Max(total?.Denominator ?? 1, 1)), 0, false))
            .OrderByDescending(m => m.Score).Take(3).ToList();
        var facts = movers.Select(m => ExecStory.MovementFact(m, MovementEvents.Of(data, m))).ToList();
        if (movers.Count == 0)
        {
            facts.Add(Fact.Of("quality.overturn_steady", set?.Id ?? ReportSets.Headline, ("metric", FactArg.Name(metric.Id)), ("prior", FactArg.PeriodLabel(true))));
        }
        if (rows.FirstOrDefault() is { } top && Thresholds.Point(metric, top.Value) == TargetStatus.Missed)
        {
            facts.Add(Fact.Of("quality.overturn_high", set!.Id, ("metric", FactArg.Name(metric.Id)), ("subject", Segments.Of(top, "policy")), ("value", FactArg.Value(metric.Id, top.Value)),
                ("target", FactArg.Value(metric.Id, metric.Target)), ("appeals", FactArg.Count(top.Denominator))));
        }
        var table = new FactTable("table.overturns_by_policy", ["col.policy", $"col.{metric.Id}", "col.prior", "col.change", "col.appeals_decided"],
            rows.Select(r => (IReadOnlyList<FactArg>)
            [
                FactArg.Member("policy", r.Dimensions["policy"]), FactArg.Value(metric.Id, r.Value), FactArg.Value(metric.Id, r.ComparisonValue),
                r.Significant == true ? FactArg.Change(metric.Id, r.AbsoluteChange) : FactArg.Word("status.not_significant"), FactArg.Count(r.Denominator),
            ]).ToList(), set?.Id ?? ReportSets.By("policy"));
        return new StorySection(SectionKind.AppealOverturns, facts, [table]);
    }

    private static StorySection Thin(ReportData data, StoryRules rules)
    {
        var thin = new List<(MetricResult Row, string Dimension, MetricDefinition Metric, string Source)>();
        foreach (var dimension in new[] { "policy", "site" })
        {
            if (data.Set(ReportSets.By(dimension)) is not { } set)
            {
                continue;
            }
            foreach (var metric in data.Catalog.Roles.ThinSamples.Select(data.Catalog.Metric))
            {
                thin.AddRange(set.Of(metric.Id).Where(r => ThinSample.IsThin(metric, r, rules)).Select(r => (r, dimension, metric, set.Id)));
            }
        }
        thin = thin.OrderByDescending(t => ThinSample.Needed(t.Row, rules) / Math.Max(t.Row.SampleSize ?? 1, 1)).ToList();
        var facts = thin.Take(5).Select(t => ThinSample.Fact("thin.line", t.Row, t.Dimension, t.Metric, rules, t.Source)).ToList();
        if (facts.Count == 0)
        {
            facts.Add(Fact.Of("thin.none", ReportSets.By("policy"), ("margin", FactArg.Magnitude(data.Catalog.Roles.QaRate, rules.QaMargin))));
        }
        var table = new FactTable("table.thin", ["col.segment", "col.metric", "col.audits", "col.halfwidth", "col.needed"],
            thin.Select(t => (IReadOnlyList<FactArg>)
            [
                Segments.Of(t.Row, t.Dimension), FactArg.Name(t.Metric.Id), FactArg.Count(t.Row.SampleSize),
                FactArg.Magnitude(t.Metric.Id, t.Row.Interval!.Width / 2), FactArg.Count(ThinSample.Needed(t.Row, rules)),
            ]).ToList(), ReportSets.By("policy"));
        return new StorySection(SectionKind.ThinSamples, facts, [table]);
    }

    /// <summary>
    /// Rows with a value, by value, ties (to 1e-9, as engines may differ in the last bits of a weighted sum) in the order
    /// of their dimension values, so the same data gives the same table on every engine.
    /// </summary>
    private static List<MetricResult> ByValue(IEnumerable<MetricResult> rows, bool descending)
    {
        var valued = rows.Where(r => r.Value is not null);
        var ordered = descending ? valued.OrderByDescending(r => Math.Round(r.Value!.Value, 9)) : valued.OrderBy(r => Math.Round(r.Value!.Value, 9));
        return ordered.ThenBy(r => string.Join('\u001f', r.Dimensions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)), StringComparer.Ordinal).ToList();
    }
}
