using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ModScope.Monitor.Detection;

/// <summary>
/// How far sampling noise alone could carry a value, as a normal z-score read off the exact tail instead of the
/// normal approximation. For a rate expected at 0.1% from 700 audits a week (0.7 errors), four errors are a 3.9σ
/// move on the normal scale but happen one week in 175 (P(X ≥ 4 | Poisson 0.7) ≈ 0.0057, z ≈ 2.5): rare events are
/// where the approximation fails, and where a monitor of error rates lives.
/// Binomial tail P(X ≥ x) = I_p(x, m − x + 1), Poisson tail P(X ≥ x) = P(x, λ) (regularized incomplete beta and
/// gamma; Johnson, Kemp and Kotz 2005, §3.6 and §4.4), taken at the observed count x = value · trials, which need
/// not be whole (weighted estimates, effective sample sizes). Over-dispersion φ scales the trials to m / φ (a
/// quasi-likelihood "effective" count, McCullagh and Nelder 1989, §4.5).
/// </summary>
public static class SamplingTail
{
    /// <summary>z-score of a proportion <paramref name="value"/> from <paramref name="trials"/> against an expected rate; positive above.</summary>
    public static double Proportion(double value, double expected, double trials, double dispersion = 1.0)
    {
        var m = trials / Math.Max(1.0, dispersion);
        if (!(m >= 1.0) || !double.IsFinite(value) || !double.IsFinite(expected))
        {
            return 0.0; // less than one trial's worth of information cannot show anything
        }
        // Keep p away from 0 and 1 by half a trial: a rate never seen yet is not impossible.
        var p = Math.Clamp(expected, 0.5 / m, 1.0 - (0.5 / m));
        var x = Math.Clamp(value, 0.0, 1.0) * m;
        if (x >= p * m)
        {
            return x <= 0.0 ? 0.0 : ToZ(SpecialFunctions.BetaRegularized(x, m - x + 1.0, p));
        }
        return x >= m ? 0.0 : -ToZ(SpecialFunctions.BetaRegularized(m - x, x + 1.0, 1.0 - p));
    }

    /// <summary>z-score of a count against an expected count (Poisson); positive above.</summary>
    public static double Count(double value, double expected, double dispersion = 1.0)
    {
        var phi = Math.Max(1.0, dispersion);
        if (!double.IsFinite(value) || !double.IsFinite(expected))
        {
            return 0.0;
        }
        // At least half an event expected: a count never seen yet is not impossible.
        var lambda = Math.Max(expected, 0.5) / phi;
        var x = Math.Max(0.0, value) / phi;
        if (x >= lambda)
        {
            return x <= 0.0 ? 0.0 : ToZ(SpecialFunctions.GammaLowerRegularized(x, lambda));
        }
        return -ToZ(SpecialFunctions.GammaUpperRegularized(x + 1.0, lambda));
    }

    /// <summary>The z with this upper-tail probability (0 when the tail holds half or more).</summary>
    private static double ToZ(double tail) =>
        tail >= 0.5 ? 0.0 : tail <= 0.0 ? double.PositiveInfinity : -Normal.InvCDF(0.0, 1.0, tail);
}
