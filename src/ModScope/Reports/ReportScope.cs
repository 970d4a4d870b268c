using ModScope.Query;

namespace ModScope.Reports;

/// <summary>What a report covers: the audience, the period and the one it is compared with, and an optional region or market.</summary>
public sealed record ReportScope(ReportAudience Audience, Period Period, Period Prior, string? Region = null, string? Market = null)
{
    /// <summary>The dimension the scope narrows to (<c>market</c> or <c>region</c>), or null for the whole organisation.</summary>
    public string? PlaceDimension => Market is not null ? "market" : Region is not null ? "region" : null;

    /// <summary>The market or region named, or null.</summary>
    public string? Place => Market ?? Region;

    /// <summary>The filters that narrow every request to the scope.</summary>
    public IReadOnlyList<DimensionFilter> Filters =>
        PlaceDimension is { } d && Place is { } p ? [new DimensionFilter(d, FilterOperator.Equals, [p])] : [];
}
