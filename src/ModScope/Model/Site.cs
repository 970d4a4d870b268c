namespace ModScope.Model;

/// <summary>
/// A moderation site, in-house or at a vendor (reference/sites.csv), as valid from <see cref="ValidFrom"/>. Its costs
/// (<c>staffing.hourly_cost</c>) are in <see cref="CostCurrency"/>.
/// </summary>
public sealed record Site(string SiteId, string Name, string Vendor, string City, string Country, string TimeZone, string CostCurrency, DateOnly ValidFrom);
