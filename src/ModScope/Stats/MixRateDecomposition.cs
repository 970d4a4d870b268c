namespace ModScope.Stats;

/// <summary>A change in an overall rate split into mix and within-stratum rate effects; they add up exactly.</summary>
/// <param name="Change">CurrentRate − BaselineRate = MixEffect + RateEffect.</param>
/// <param name="Strata">Per-stratum terms, in baseline order then new strata.</param>
public sealed record MixRateDecomposition(
    double BaselineRate,
    double CurrentRate,
    double Change,
    double MixEffect,
    double RateEffect,
    IReadOnlyList<StratumContribution> Strata);
