using ModScope.Planning.Workload;

namespace ModScope.Planning;

/// <summary>
/// A staffing plan over the forecast horizon (from the point forecast, and from its lower and upper bounds for the
/// intervals), the last day of data it starts after, each site's hourly cost, the forecast it was made from, and each
/// site's staffing day by day over the recent days the roster ahead was taken from (the opportunities reuse it).
/// </summary>
public sealed record PlanOutcome(DateOnly LastDay, WorkloadPlan Plan, WorkloadPlan Low, WorkloadPlan High, IReadOnlyDictionary<string, double> HourlyCost, ForecastSet Volumes,
    IReadOnlyList<SiteHours> Staffing);
