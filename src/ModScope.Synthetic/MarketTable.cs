namespace ModScope.Synthetic;

/// <summary>
/// Per-market numbers: share of decision volume (US, ID, TH, VN, GB biggest; JP, AE small), automation level
/// (logit base before policy, object and source offsets), SLA attainment (z of the SLA in the TAT
/// distribution: 1.28 = 90%) and the routing of human reviews to sites.
/// </summary>
internal static class MarketTable
{
    public sealed record Row(string Code, double Weight, double AutomationBase, double SlaZ, IReadOnlyList<(string Site, double Share)> Routing);

    public static readonly IReadOnlyList<Row> Rows =
    [
        new("US", 0.200, 0.83, 1.40, [("AUS-INHOUSE", 0.5), ("MNL-BRAVO", 0.3), ("MEX-ECHO", 0.2)]),
        new("ID", 0.160, 0.82, 1.20, [("JKT-ALPHA", 0.8), ("KUL-ALPHA", 0.2)]),
        new("TH", 0.110, 0.81, 1.15, [("BKK-CHARLIE", 1.0)]),
        new("VN", 0.100, 0.81, 1.10, [("KUL-ALPHA", 1.0)]),
        new("GB", 0.090, 0.83, 1.35, [("DUB-INHOUSE", 0.6), ("LIS-DELTA", 0.25), ("CAI-FOXTROT", 0.15)]),
        new("MY", 0.055, 0.81, 1.20, [("KUL-ALPHA", 1.0)]),
        new("PH", 0.055, 0.80, 1.10, [("MNL-BRAVO", 1.0)]),
        new("MX", 0.045, 0.64, 1.05, [("MEX-ECHO", 1.0)]),
        new("BR", 0.045, 0.62, 1.05, [("SAO-ECHO", 1.0)]),
        new("DE", 0.025, 0.76, 1.30, [("BER-DELTA", 1.0)]),
        new("SG", 0.020, 0.83, 1.40, [("KUL-ALPHA", 0.5), ("MNL-BRAVO", 0.5)]),
        new("FR", 0.015, 0.76, 1.25, [("LIS-DELTA", 0.7), ("DUB-INHOUSE", 0.3)]),
        new("ES", 0.015, 0.76, 1.25, [("LIS-DELTA", 0.8), ("MEX-ECHO", 0.2)]),
        new("IT", 0.012, 0.74, 1.20, [("LIS-DELTA", 0.6), ("BER-DELTA", 0.4)]),
        new("SA", 0.012, 0.70, 1.10, [("CAI-FOXTROT", 1.0)]),
        new("JP", 0.010, 0.62, 1.45, [("TYO-INHOUSE", 1.0)]),
        new("IE", 0.006, 0.82, 1.35, [("DUB-INHOUSE", 1.0)]),
        new("AE", 0.006, 0.70, 1.15, [("CAI-FOXTROT", 1.0)]),
    ];
}
