using ModScope.Query;

namespace ModScope.Reports;

/// <summary>What a report covers: the audience, the period and the one it is compared with, and an optional region or market.</summary>
public sealed record ReportScope(ReportAudience Audience, Period Period, Period Prior, string? Region = null, string? Market = null)
{
    /// <summary>The dimension the scope narrows to (<c>market</c> or <c>region</c>), or null for the whole organisation.</summary>
    public string? PlaceDimension => Market is not null ? "market" : Region is not null ? "region" : null;

    /// <summary>The market or region named, or null.</summary>
    public string? Place => Market ?? Region;

    /// <summary>A scope whose prior period is the period of the same length just before (whole months for months).</summary>
    public static ReportScope For(ReportAudience audience, Period period, string? region = null, string? market = null) =>
        new(audience, period, PeriodParser.Compare(period, Comparison.PreviousPeriod), region, market);

    /// <summary>
    /// The filters that narrow every request to the scope. A region is the <c>region</c> dimension: each event counts in
    /// the region its market belonged to when it happened (the store's reference data, with history).
    /// </summary>
    public IReadOnlyList<DimensionFilter> Filters
    {
        get
        {
            if (Market is { } market)
            {
                return [new DimensionFilter("market", FilterOperator.Equals, [market])];
            }
            return Region is { } region ? [new DimensionFilter("region", FilterOperator.Equals, [region])] : [];
        }
    }
}
