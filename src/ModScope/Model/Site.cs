namespace ModScope.Model;

/// <summary>
/// A moderation site, in-house or at a vendor (reference/sites.csv), as valid from <see cref="ValidFrom"/>. Its costs
/// (<c>staffing.hourly_cost</c>) are in <see cref="CostCurrency"/>. <see cref="Name"/> is its English name (the file's
/// <c>name</c> column, "Kuala Lumpur (Alpha)"); <see cref="NameZh"/> its Chinese one (optional <c>name_zh</c>, "吉隆坡（Alpha）"),
/// "" when the file gives none, where Chinese text falls back to the English name.
/// </summary>
public sealed record Site(string SiteId, string Name, string NameZh, string Vendor, string City, string Country, string TimeZone, string CostCurrency,
    DateOnly ValidFrom);
