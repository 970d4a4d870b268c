using ModScope.Planning;
using ModScope.Planning.Forecasting;
using ModScope.Planning.Opportunities;
using ModScope.Query;

namespace ModScope.Reports;

/// <summary>
/// Sizes the opportunities an exec or regional report lists, as <c>modscope opportunities</c> does, within the report's
/// place and the caller's scope (the query door's), as of the report period's last day: the recent four weeks of work
/// and a four-week plan ahead. A catalogue or store planning cannot use leaves the report without them and says why.
/// Quality reports have none.
/// </summary>
public static class ReportOpportunities
{
    /// <summary>Days planned ahead for SLA risk and live coverage.</summary>
    public const int HorizonDays = 28;

    public static async Task<ReportData> AddAsync(ReportData data, MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(query);
        if (data.Scope.Audience == ReportAudience.Quality)
        {
            return data;
        }
        try
        {
            var metrics = PlanningMetrics.From(data.Catalog.Roles);
            var reader = new PlanningReader(query);
            var planner = new PlanBuilder(reader, new SeriesForecasts(reader, data.Calendar), metrics);
            var lastDay = DateOnly.FromDateTime(data.Scope.Period.End.AddDays(-1));
            var found = await new OpportunityFinder(reader, planner, metrics)
                .FindAsync(data.Scope.Filters, new ForecastSettings { HorizonDays = HorizonDays }, new OpportunitySettings(), lastDay, cancellationToken).ConfigureAwait(false);
            return data with { Opportunities = [.. found.OrderByDescending(o => o.MoneyPerWeek)] };
        }
        catch (PlanningException ex)
        {
            return data with { OpportunitiesMissing = ex.Message };
        }
    }
}
