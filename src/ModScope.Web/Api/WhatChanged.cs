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
    /// <summary>
    /// The page's metrics sliced by each dimension it does not narrow to one value, against the previous period, run through
    /// the dashboard (so cached, and warmed with the overview at start), all at once; in the dimensions' order.
    /// </summary>
    public static async Task<IReadOnlyList<ResultSet>> SlicesAsync(MetricRequest current, Dashboard dashboard, CancellationToken cancellationToken)
    {
        var single = SegmentTargets.SegmentOf(current.Filters);
        var requests = StoryRules.Default.Dimensions(ReportAudience.Exec).Where(d => !single.ContainsKey(d)).Select(dimension =>
        {
            var needed = current.Filters.Select(f => f.Dimension).Append(dimension).ToList();
            var metrics = current.Metrics.Where(id => needed.All(dashboard.Catalog.Metric(id).Dimensions.Contains)).ToList();
            return (Dimension: dimension, Request: current with { Metrics = metrics, Dimensions = [dimension] });
        }).Where(r => r.Request.Metrics.Count > 0).ToList();
        // The slices are independent requests, each on a pool thread (the engine runs a statement synchronously): a first
        // overview costs about the longest slice's time on a machine with cores to spare rather than their sum (each
        // answered from the rollup at 24-171 ms CPU at 51M decisions).
        var answers = await Task.WhenAll(requests.Select(r => Task.Run(() => dashboard.RunAsync(r.Request, cancellationToken), cancellationToken))).ConfigureAwait(false);
        return requests.Select((r, i) => new ResultSet(ReportSets.By(r.Dimension), r.Request, "", answers[i])).ToList();
    }

    /// <param name="targeted">The catalogue with the page segment's targets (<see cref="SegmentTargets"/>): crossing one raises a movement.</param>
    public static IReadOnlyList<ChangeView> Find(MetricRequest current, IReadOnlyList<MetricResult> totals, IReadOnlyList<ResultSet> slices,
        MetricCatalog targeted, Dashboard dashboard, string language)
    {
        var single = SegmentTargets.SegmentOf(current.Filters);
        var sets = slices.Prepend(new ResultSet(ReportSets.Headline, current, "", totals)).ToList();
        var dimensions = slices.Select(s => s.Request.Dimensions[0]).ToList();
        var scope = ReportScope.For(ReportAudience.Exec, current.Period, single.GetValueOrDefault("region"), single.GetValueOrDefault("market"));
        var data = new ReportData(scope, targeted, sets, []) { Reference = dashboard.Reference, Calendar = dashboard.Calendar };
        var words = new ReportComposer(data, ReportText.For(language));
        return ChangeLine.Build(data, current.Metrics, dimensions, StoryRules.Default)
            .Select(c => new ChangeView(c.Movement.Metric.Id, c.Movement.Dimension,
                c.Movement.Dimension is { } d ? c.Movement.Row.Dimensions.GetValueOrDefault(d) : null, words.Sentence(c.Fact)))
            .ToList();
    }
}
