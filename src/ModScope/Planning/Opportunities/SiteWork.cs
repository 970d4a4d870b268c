namespace ModScope.Planning.Opportunities;

/// <summary>A site's days over the period compared, and its mean hourly cost.</summary>
public sealed record SiteWork(string Site, double HourlyCost, IReadOnlyList<SiteDay> Days);
