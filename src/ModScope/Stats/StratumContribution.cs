namespace ModScope.Stats;

/// <summary>One stratum's part in a change of an overall rate.</summary>
/// <param name="BaselineShare">W_h: the stratum's share of the baseline population.</param>
/// <param name="CurrentShare">W_h': its share of the current population.</param>
/// <param name="MixEffect">(W_h' − W_h)·p_h.</param>
/// <param name="RateEffect">W_h'·(p_h' − p_h).</param>
public sealed record StratumContribution(
    string Name,
    double BaselineShare,
    double CurrentShare,
    double BaselineRate,
    double CurrentRate,
    double MixEffect,
    double RateEffect);
