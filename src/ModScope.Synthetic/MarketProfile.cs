using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>A market with its simulation numbers.</summary>
internal sealed record MarketProfile(
    Market Market,
    int Index,
    double Weight,
    double AutomationLogit,
    double SlaZ,
    IReadOnlyList<(SiteProfile Site, double Share)> Routing,
    TimeZoneInfo TimeZone)
{
    public WeightedChoice<SiteProfile> SiteChoice { get; } = new(Routing);

    public string Code => Market.Code;

    public bool IsEu => Market.Region == "EU";

    public bool IsSea => Market.Region == "SEA";
}
