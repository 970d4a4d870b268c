using MathNet.Numerics.Distributions;

namespace ModScope.Monitor.Detection;

/// <summary>
/// Quasi-likelihood dispersion φ (McCullagh and Nelder 1989, §4.5): how much more a series varies than binomial or
/// Poisson noise alone explains — weighted QA estimates (design effect), day-to-day variation of the true rate.
/// Estimated as Pearson's X² / df over past squared sampling z-scores, with the largest 10% left out so past anomalies
/// do not count (a mean, not a median: a thin sample's lumpy rate is exactly what φ must capture), at least 1; the
/// sampling test then uses n / φ trials. Leaving out the top 10% of a χ²₁ sample lowers its mean to
/// <see cref="TrimmedChiSquareMean"/>, so the trimmed mean is divided by it to stay consistent (φ = 1 for pure
/// binomial noise), as the MAD is scaled by 1.4826.
/// </summary>
internal sealed class QuasiDispersion(int window)
{
    private const double Keep = 0.9;

    /// <summary>
    /// E[X | X ≤ q] for X ~ χ²₁ and q its <see cref="Keep"/> quantile: x·f₁(x) = f₃(x), so the truncated mean is
    /// F₃(q) / keep (about 0.62).
    /// </summary>
    internal static readonly double TrimmedChiSquareMean = ChiSquared.CDF(3, ChiSquared.InvCDF(1, Keep)) / Keep;

    private readonly RollingWindow _squares = new(window);

    /// <summary>Records one past point's sampling z-score (residual over the sampling standard deviation).</summary>
    public void Add(double z) => _squares.Add(z * z);

    /// <summary>φ from the recorded points; 1 until there are 8 of them.</summary>
    public double Value => _squares.Count < 8 ? 1.0 : Math.Max(1.0, _squares.TrimmedMean(Keep) / TrimmedChiSquareMean);
}
