namespace ModScope.Stats;

/// <summary>A weighted (Hájek) estimate of a proportion from row-level weights.</summary>
/// <param name="Estimate">p̂ = Σ w_i y_i / Σ w_i.</param>
/// <param name="Variance">Linearisation (with-replacement) variance estimate of p̂.</param>
/// <param name="StandardError">sqrt(Variance).</param>
/// <param name="EffectiveSampleSize">Kish's n_eff = (Σ w_i)² / Σ w_i², the sample size behind <paramref name="Interval"/>.</param>
/// <param name="Interval">Wilson interval at the Kish effective sample size.</param>
/// <param name="SampleSize">Observations (rows) used.</param>
/// <param name="WeightTotal">Σ w_i; with w_i = 1/π_i this estimates the population size.</param>
public sealed record WeightedEstimate(
    double Estimate,
    double Variance,
    double StandardError,
    double EffectiveSampleSize,
    Interval Interval,
    long SampleSize,
    double WeightTotal);
