namespace ModScope.Stats;

/// <summary>A stratified estimate of a population proportion.</summary>
/// <param name="Estimate">p̂_st = Σ W_h p̂_h.</param>
/// <param name="Variance">The textbook unbiased variance estimate Σ W_h² p̂_h(1−p̂_h)/(n_h−1)·(1−n_h/N_h).</param>
/// <param name="StandardError">sqrt(Variance).</param>
/// <param name="EffectiveSampleSize">The effective n behind <paramref name="Interval"/> (see <see cref="StratifiedProportion"/>).</param>
/// <param name="Interval">Wilson interval at the effective sample size; [p̂, p̂] for a census.</param>
public sealed record StratifiedEstimate(
    double Estimate,
    double Variance,
    double StandardError,
    double EffectiveSampleSize,
    Interval Interval,
    long TotalPopulation,
    long TotalSample);
