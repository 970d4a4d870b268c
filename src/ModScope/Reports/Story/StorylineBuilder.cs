namespace ModScope.Reports.Story;

/// <summary>
/// Chooses the storyline for the report's audience, and the trend charts of the metrics it discusses: those named in
/// its sentences (movements, risks, decisions, alerts; the headline's last), in the order first named, then the
/// audience's chart list, at most <see cref="StoryRules.MaxCharts"/> (the exec page holds two).
/// </summary>
public static class StorylineBuilder
{
    public static Storyline Build(ReportData data, StoryRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        rules ??= StoryRules.Default;
        var sections = data.Scope.Audience switch
        {
            ReportAudience.Exec => ExecStory.Build(data, rules),
            ReportAudience.Regional => RegionalStory.Build(data, rules),
            _ => QualityStory.Build(data, rules),
        };
        return new Storyline(data.Scope, sections, Charts(data, rules, sections));
    }

    private static List<ChartSpec> Charts(ReportData data, StoryRules rules, IReadOnlyList<StorySection> sections)
    {
        var weekly = data.Rows(ReportSets.Weekly).ToList();
        var monthly = data.Rows(ReportSets.Monthly).ToList();
        var discussed = sections.OrderBy(s => s.Kind == SectionKind.Headline ? 1 : 0)
            .SelectMany(s => s.Facts).SelectMany(f => f.Args.Values).Where(a => a.Kind == ArgKind.MetricName).Select(a => a.Metric!);
        var charts = new List<ChartSpec>();
        foreach (var id in discussed.Concat(ReportMetrics.Charts(data.Catalog.Roles, data.Scope.Audience)).Distinct(StringComparer.Ordinal))
        {
            if (charts.Count >= rules.MaxCharts(data.Scope.Audience))
            {
                break;
            }
            var metric = data.Catalog.Metric(id);
            static List<(DateTime, double)> Points(IEnumerable<Query.MetricResult> rows, string id) =>
                rows.Where(r => r.Metric == id && r.Bucket is not null && r.Value is not null && r.Dimensions.Count == 0)
                    .OrderBy(r => r.Bucket).Select(r => (r.Bucket!.Value, r.Value!.Value)).ToList();
            var (w, m) = (Points(weekly, id), Points(monthly, id));
            if (w.Count + m.Count > 0)
            {
                charts.Add(new ChartSpec(id, w, m, metric.Target, [ReportSets.Weekly, ReportSets.Monthly]));
            }
        }
        return charts;
    }
}
