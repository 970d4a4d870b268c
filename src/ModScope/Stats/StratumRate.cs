namespace ModScope.Stats;

/// <summary>A stratum's size and rate in one period, for a mix/rate decomposition.</summary>
/// <param name="Name">Stratum label (matched between periods, ordinally).</param>
/// <param name="Population">Items in the stratum this period (its weight is its share of the total).</param>
/// <param name="Rate">The stratum's rate this period, in [0, 1]; ignored when the population is 0.</param>
public sealed record StratumRate(string Name, double Population, double Rate);
