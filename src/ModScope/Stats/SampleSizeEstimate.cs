namespace ModScope.Stats;

/// <summary>A required sample size.</summary>
/// <param name="Initial">n0, before the finite-population correction (infinite population).</param>
/// <param name="Corrected">n after the finite-population correction (equals n0 without a population).</param>
/// <param name="Required">⌈Corrected⌉: the whole number of items to audit (at least 1, at most the population).</param>
public sealed record SampleSizeEstimate(double Initial, double Corrected, long Required);
