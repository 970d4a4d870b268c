namespace ModScope.Model;

/// <summary>A market the marketplace sells in (reference/markets.csv), as valid from <see cref="ValidFrom"/>.</summary>
public sealed record Market(string Code, string NameEn, string NameZh, string Region, string Language, string TimeZone, DateOnly ValidFrom);
