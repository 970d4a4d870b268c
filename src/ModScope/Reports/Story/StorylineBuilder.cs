namespace ModScope.Reports.Story;

/// <summary>Chooses the storyline for the report's audience, and the trend charts of its headline metrics.</summary>
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
        return new Storyline(data.Scope, sections, Charts(data, rules));
    }

    private static List<ChartSpec> Charts(ReportData data, StoryRules rules)
    {
        var weekly = data.Rows(ReportSets.Weekly).ToList();
        var monthly = data.Rows(ReportSets.Monthly).ToList();
        var charts = new List<ChartSpec>();
        foreach (var id in ReportMetrics.Charts(data.Catalog.Roles, data.Scope.Audience))
        {
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
