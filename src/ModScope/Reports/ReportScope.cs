using ModScope.Model;
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
    /// The filters that narrow every request to the scope. A region is sent as the list of its markets (from the shipped
    /// reference data): the same decisions, and a filter every metric's statement can apply.
    /// </summary>
    public IReadOnlyList<DimensionFilter> Filters
    {
        get
        {
            if (Market is { } market)
            {
                return [new DimensionFilter("market", FilterOperator.Equals, [market])];
            }
            if (Region is not { } region)
            {
                return [];
            }
            var markets = ReferenceData.Default.Markets.Where(m => string.Equals(m.Region, region, StringComparison.OrdinalIgnoreCase)).Select(m => m.Code).ToList();
            return markets.Count > 0 ? [new DimensionFilter("market", FilterOperator.In, markets)]
                : throw new ArgumentException(
                    $"Unknown region '{region}'; known regions: {string.Join(", ", ReferenceData.Default.Markets.Select(m => m.Region).Distinct())}.", nameof(Region));
        }
    }
}
