namespace ModScope.Stats;

/// <summary>
/// Compares two event counts observed over exposures (e.g. this week's and last week's decisions).
/// Conditional test (Przyborowski &amp; Wilenski 1940): given the total N = x1 + x2, under equal rates
/// x1 ~ Binomial(N, t1 / (t1 + t2)); the normal approximation of that binomial gives z and a two-sided p.
/// </summary>
public static class PoissonRateTest
{
    public static Significance Compare(long count1, double exposure1, long count2, double exposure2, double confidence = 0.95)
    {
        if (count1 < 0 || count2 < 0 || !(exposure1 > 0) || !(exposure2 > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(count1), "Counts must be non-negative and exposures positive.");
        }
        var total = count1 + count2;
        var rate1 = count1 / exposure1;
        var rate2 = count2 / exposure2;
        if (total == 0)
        {
            return new Significance(rate1, rate2, 0, 0, 1, new Interval(0, 0, confidence, "no events"), "conditional Poisson test");
        }
        var share = exposure1 / (exposure1 + exposure2);
        var z = (count1 - total * share) / Math.Sqrt(total * share * (1 - share));
        var p = Critical.TwoSidedPValue(z);
        // Wald interval for the rate difference (Poisson variances x / t²).
        var se = Math.Sqrt(count1 / (exposure1 * exposure1) + count2 / (exposure2 * exposure2));
        var half = Critical.TwoSidedZ(confidence) * se;
        var difference = rate1 - rate2;
        return new Significance(rate1, rate2, difference, z, p, new Interval(difference - half, difference + half, confidence, "Wald (Poisson)"),
            "conditional Poisson test, normal approximation");
    }
}
