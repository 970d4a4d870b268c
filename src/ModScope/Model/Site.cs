namespace ModScope.Model;

/// <summary>A moderation site, in-house or at a vendor (reference/sites.csv). Costs are in <see cref="CostCurrency"/>.</summary>
public sealed record Site(string SiteId, string Name, string Vendor, string City, string Country, string TimeZone, string CostCurrency);
