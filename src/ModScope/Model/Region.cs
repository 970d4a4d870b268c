namespace ModScope.Model;

/// <summary>A region markets belong to (reference/regions.csv): its code and display names, as valid from <see cref="ValidFrom"/>.</summary>
public sealed record Region(string Code, string NameEn, string NameZh, DateOnly ValidFrom);
