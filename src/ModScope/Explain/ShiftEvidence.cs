using MathNet.Numerics;

namespace ModScope.Explain;

/// <summary>
/// How strongly one leaf's relative deviation r = (a − f)/f says "this leaf moved up" (or down) rather than "this leaf
/// is normal": a log likelihood ratio between small models of r. Normal: r ~ N(0, s²), s being the leaf's noise (r is
/// unbiased for count data too, unlike ln(a/f)). Moved: r = δ + N(0, s²) for a move δ of unknown size, its ratio 1 + δ
/// uniform on (0, 1) for a fall and its reciprocal uniform on (0, 1) for a rise (density (1 + δ)⁻², so halving and
/// doubling are alike). Every model lets a share η of leaves be outliers drawn from the moves' prior, so one wild leaf
/// (or one leaf of a cause that did not follow it, such as a count rounded back to its forecast) weighs at most
/// ln(2(1 − η)/η + 1) either way instead of ruling a conjunction in or out alone. Summed over a conjunction's leaves,
/// this is the log likelihood ratio that the conjunction moved: RiskLoc's weighted count of abnormal against normal
/// leaves, with weights that come from the noise instead of fixed cut-offs.
/// </summary>
internal static class ShiftEvidence
{
    /// <summary>The log likelihood ratios (moved up : normal, moved down : normal) of deviation <paramref name="r"/> at noise <paramref name="s"/>.</summary>
    public static (double Up, double Down) Of(double r, double s, double outlierRate)
    {
        var (rise, fall) = (Rise(r, s), Fall(r, s));
        var outlier = outlierRate * (rise + fall) / 2;
        var normal = ((1 - outlierRate) * Density(r / s) / s) + outlier;
        return (Math.Log((((1 - outlierRate) * rise) + outlier) / normal), Math.Log((((1 - outlierRate) * fall) + outlier) / normal));
    }

    /// <summary>The most one leaf can weigh for a move: ln(2(1 − η)/η + 1).</summary>
    public static double Cap(double outlierRate) => Math.Log((2 * (1 - outlierRate) / outlierRate) + 1);

    /// <summary>Density of r after a fall: δ uniform on (−1, 0) plus N(0, s²) noise, exactly Φ((r + 1)/s) − Φ(r/s).</summary>
    private static double Fall(double r, double s) => Cdf((r + 1) / s) - Cdf(r / s);

    /// <summary>
    /// Density of r after a rise: δ of density (1 + δ)⁻² on (0, ∞) plus noise, taken as (1 + max(r, 0))⁻²·Φ(r/s). Below
    /// the exact convolution when the noise is wide, so a noisy leaf is, if anything, slow to count as a rise.
    /// </summary>
    private static double Rise(double r, double s)
    {
        var ratio = 1 + Math.Max(r, 0);
        return Cdf(r / s) / (ratio * ratio);
    }

    private static double Density(double z) => Math.Exp(-0.5 * z * z) / Constants.Sqrt2Pi;

    private static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Constants.Sqrt2);
}
