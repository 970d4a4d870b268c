using ModScope.Catalog;
using ModScope.Query;
using ModScope.Reports;
using ModScope.Reports.Document;
using ModScope.Reports.Story;
using ModScope.Reports.Text;

namespace ModScope.Web.Api;

/// <summary>
/// The overview's "what changed" line: the page's metrics sliced by the exec report's dimensions (market, site, policy,
/// queue; one the page already narrows to a single value is left out) against the previous period, through the
/// dashboard's metric requests; the movements chosen by <see cref="ChangeLine"/> and worded as the exec report words them.
/// </summary>
internal static class WhatChanged
{
    /// <param name="targeted">The catalogue with the page segment's targets (<see cref="SegmentTargets"/>): crossing one raises a movement.</param>
    public static async Task<IReadOnlyList<ChangeView>> FindAsync(MetricRequest current, IReadOnlyList<MetricResult> totals, MetricCatalog targeted,
        Dashboard dashboard, string language, CancellationToken cancellationToken)
    {
        var rules = StoryRules.Default;
        var single = SegmentTargets.SegmentOf(current.Filters);
        var dimensions = rules.Dimensions(ReportAudience.Exec).Where(d => !single.ContainsKey(d)).ToList();
        var sets = new List<ResultSet> { new(ReportSets.Headline, current, "", totals) };
        foreach (var dimension in dimensions)
        {
            var needed = current.Filters.Select(f => f.Dimension).Append(dimension).ToList();
            var metrics = current.Metrics.Where(id => needed.All(dashboard.Catalog.Metric(id).Dimensions.Contains)).ToList();
            if (metrics.Count == 0)
            {
                continue;
            }
            var sliced = current with { Metrics = metrics, Dimensions = [dimension] };
            sets.Add(new ResultSet(ReportSets.By(dimension), sliced, "", await dashboard.RunAsync(sliced, cancellationToken).ConfigureAwait(false)));
        }
        var scope = ReportScope.For(ReportAudience.Exec, current.Period, single.GetValueOrDefault("region"), single.GetValueOrDefault("market"));
        var data = new ReportData(scope, targeted, sets, []) { Reference = dashboard.Reference, Calendar = dashboard.Calendar };
        var words = new ReportComposer(data, ReportText.For(language));
        return ChangeLine.Build(data, current.Metrics, dimensions, rules)
            .Select(c => new ChangeView(c.Movement.Metric.Id, c.Movement.Dimension,
                c.Movement.Dimension is { } d ? c.Movement.Row.Dimensions.GetValueOrDefault(d) : null, words.Sentence(c.Fact)))
            .ToList();
    }
}
