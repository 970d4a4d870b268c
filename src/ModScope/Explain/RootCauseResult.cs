namespace ModScope.Explain;

/// <summary>What <see cref="RootCauseSearch.Find"/> found, with the numbers that frame it.</summary>
/// <param name="Causes">Ranked by <see cref="Cause.Share"/>, largest first; empty when nothing moved beyond noise.</param>
/// <param name="TotalActual">Σ actual over all leaves.</param>
/// <param name="TotalExpected">Σ expected over all leaves.</param>
/// <param name="NoiseScale">σ: the robust scale of the leaves' relative deviations (1.4826·MAD), floored at MinNoise.</param>
/// <param name="AnomalousLeaves">Leaves that deviate beyond noise on their own.</param>
/// <param name="ExplainedShare">Share of Σ|actual − expected| that the causes together explain.</param>
public sealed record RootCauseResult(
    IReadOnlyList<Cause> Causes,
    double TotalActual,
    double TotalExpected,
    double NoiseScale,
    int AnomalousLeaves,
    double ExplainedShare);
