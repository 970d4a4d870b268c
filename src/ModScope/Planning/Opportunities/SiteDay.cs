namespace ModScope.Planning.Opportunities;

/// <summary>One site's day: its productive hours and the decisions it took, by stratum of the mix.</summary>
public sealed record SiteDay(DateOnly Day, double ProductiveHours, IReadOnlyList<StratumWork> Work);
