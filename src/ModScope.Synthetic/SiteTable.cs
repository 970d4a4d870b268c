namespace ModScope.Synthetic;

/// <summary>
/// Per-site numbers: error multiplier (quality; 1 = average), hourly cost in USD (Manila/Cairo cheap,
/// Dublin/Austin/Tokyo expensive) and target human decisions per productive hour used to size each site's pool of
/// moderators (daily rosters follow the handling hours, see StaffingPlanner).
/// </summary>
internal static class SiteTable
{
    public sealed record Row(string SiteId, double ErrorMultiplier, double HourlyCost, double TargetUph);

    public static readonly IReadOnlyList<Row> Rows =
    [
        new("KUL-ALPHA", 1.00, 11.0, 50),
        new("MNL-BRAVO", 1.10, 7.5, 52),
        new("JKT-ALPHA", 1.00, 8.0, 50),
        new("BKK-CHARLIE", 1.05, 9.0, 48),
        new("DUB-INHOUSE", 0.75, 42.0, 40),
        new("LIS-DELTA", 0.95, 22.0, 44),
        new("BER-DELTA", 0.90, 34.0, 42),
        new("AUS-INHOUSE", 0.80, 45.0, 40),
        new("MEX-ECHO", 1.15, 12.0, 50),
        new("SAO-ECHO", 1.10, 11.0, 48),
        new("CAI-FOXTROT", 1.25, 6.8, 52),
        new("TYO-INHOUSE", 0.80, 40.0, 38),
    ];
}
