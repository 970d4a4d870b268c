using ModScope.Catalog;
using ModScope.Monitor.Alerts;
using ModScope.Query;
using ModScope.Reports.Story;

namespace ModScope.Reports;

/// <summary>
/// Gathers a report's numbers, only through metric requests: the scope's totals against the prior period, the
/// audience's slices, the trailing weeks and months, and (regional) the global totals. Each answer keeps its request
/// and SQL so every figure can be traced.
/// </summary>
public sealed class ReportDataLoader(MetricCatalog catalog, MetricQuery query, StoryRules? rules = null)
{
    private readonly StoryRules _rules = rules ?? StoryRules.Default;

    public async Task<ReportData> LoadAsync(ReportScope scope, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(alerts);
        var sets = new List<ResultSet>();
        foreach (var (id, request) in Requests(scope))
        {
            var rows = await query.RunAsync(request, cancellationToken).ConfigureAwait(false);
            sets.Add(new ResultSet(id, request, query.Plan(request).Explain(), rows));
        }
        return new ReportData(scope, catalog, sets, alerts);
    }

    /// <summary>The requests a report of this scope makes, by result-set name.</summary>
    public IReadOnlyList<(string Id, MetricRequest Request)> Requests(ReportScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var filters = scope.Filters;
        var audience = scope.Audience;
        var roles = catalog.Roles;
        var headline = roles.ReportHeadline.Union(audience == ReportAudience.Quality ? roles.ReportQuality : []).ToList();
        var weeks = Weeks(scope.Period);
        var months = Months(scope.Period);
        var trended = roles.ReportHeadline.Union(ReportMetrics.Charts(roles, audience), StringComparer.Ordinal).ToList();
        var requests = new List<(string, MetricRequest)>
        {
            (ReportSets.Headline, Request(headline, [], TimeGrain.None, filters, scope.Period, Comparison.PreviousPeriod)),
            // Trends of the headline and the audience's chart list: the charts are chosen among them by what the story discusses.
            (ReportSets.Weekly, Request(trended, [], TimeGrain.Week, filters, weeks, Comparison.None)),
            (ReportSets.Monthly, Request(trended, [], TimeGrain.Month, filters, months, Comparison.None)),
        };
        if (audience == ReportAudience.Regional)
        {
            requests.Add((ReportSets.Global, Request(roles.ReportHeadline, [], TimeGrain.None, [], scope.Period, Comparison.None)));
        }
        foreach (var dimension in _rules.Dimensions(audience).Where(d => d != scope.PlaceDimension))
        {
            var metrics = ReportMetrics.Segments(roles, audience);
            var agreement = metrics.Where(m => catalog.Metric(m).Kind == MetricKind.Agreement).ToList();
            requests.Add((ReportSets.By(dimension), Request(metrics.Except(agreement), [dimension], TimeGrain.None, filters, scope.Period, Comparison.PreviousPeriod)));
            requests.Add((ReportSets.AgreementBy(dimension), Request(agreement, [dimension], TimeGrain.None, filters, scope.Period, Comparison.None)));
            if (audience == ReportAudience.Exec)
            {
                requests.Add((ReportSets.WeeklyBy(dimension), Request(roles.ReportMovements, [dimension], TimeGrain.Week, filters, weeks, Comparison.None)));
            }
        }
        return requests.Where(r => r.Item2.Metrics.Count > 0).ToList();
    }

    /// <summary>The trailing full ISO weeks that end by the period's end.</summary>
    public Period Weeks(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var end = period.End.Date.AddDays(-(((int)period.End.DayOfWeek + 6) % 7));
        return period with { Start = end.AddDays(-7 * _rules.TrailingWeeks), End = end, Label = $"{_rules.TrailingWeeks} weeks to {end:yyyy-MM-dd}" };
    }

    /// <summary>The trailing months ending with the month the period's last day is in.</summary>
    public Period Months(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var last = period.End.Date.AddDays(-1);
        var end = new DateTime(last.Year, last.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
        return period with { Start = end.AddMonths(-_rules.TrailingMonths), End = end, Label = $"{_rules.TrailingMonths} months to {end:yyyy-MM-dd}" };
    }

    /// <summary>A request for the metrics that can be sliced by the dimensions and filtered by the filters.</summary>
    private MetricRequest Request(IEnumerable<string> metrics, IReadOnlyList<string> dimensions, TimeGrain grain, IReadOnlyList<DimensionFilter> filters, Period period, Comparison comparison)
    {
        var needed = dimensions.Concat(filters.Select(f => f.Dimension)).ToList();
        var usable = metrics.Where(id => needed.All(catalog.Metric(id).Dimensions.Contains)).ToList();
        return new MetricRequest(usable, dimensions, grain, filters, period, comparison);
    }
}
