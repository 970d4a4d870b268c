using MathNet.Numerics.Distributions;

namespace ModScope.Stats;

/// <summary>
/// Confidence intervals for a binomial proportion x/n. With no trials (n = 0) every method returns the
/// uninformative interval [0, 1] named "no data" rather than throwing, so an empty slice still renders.
/// </summary>
public static class ProportionInterval
{
    /// <summary>Below this many trials <see cref="Best"/> uses the exact interval.</summary>
    public const long SmallSample = 30;

    /// <summary>Below this many successes or failures <see cref="Best"/> uses the exact interval.</summary>
    public const long FewEvents = 5;

    /// <summary>Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    public static Interval Wilson(long successes, long trials, double confidence = 0.95)
    {
        CheckCounts(successes, trials);
        return trials == 0 ? NoData(confidence) : WilsonForEstimate((double)successes / trials, trials, confidence);
    }

    /// <summary>
    /// Wilson interval from an estimate and a (possibly fractional) sample size, e.g. a design-based estimate
    /// with its effective sample size (Kish). A sample size of 0 gives the "no data" interval.
    /// </summary>
    public static Interval WilsonForEstimate(double estimate, double sampleSize, double confidence = 0.95)
    {
        Critical.CheckProbability(estimate, nameof(estimate));
        if (!(sampleSize >= 0.0) || double.IsPositiveInfinity(sampleSize))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, "A sample size must be finite and not negative.");
        }

        var z = Critical.TwoSidedZ(confidence);
        if (sampleSize == 0.0)
        {
            return NoData(confidence);
        }

        // Wilson (1927), the set of p with |p̂ − p| ≤ z·sqrt(p(1−p)/n), as quoted in DOMAIN.md 1.2:
        // (p̂ + z²/2n ± z·sqrt(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
        var z2 = z * z;
        var n = sampleSize;
        var denominator = 1.0 + (z2 / n);
        var centre = estimate + (z2 / (2.0 * n));
        var half = z * Math.Sqrt((estimate * (1.0 - estimate) / n) + (z2 / (4.0 * n * n)));
        var lower = estimate == 0.0 ? 0.0 : Math.Max(0.0, (centre - half) / denominator);
        var upper = estimate == 1.0 ? 1.0 : Math.Min(1.0, (centre + half) / denominator);
        return new Interval(lower, upper, confidence, "Wilson score");
    }

    /// <summary>Clopper–Pearson exact interval: guaranteed coverage ≥ confidence, conservative.</summary>
    public static Interval ClopperPearson(long successes, long trials, double confidence = 0.95)
    {
        CheckCounts(successes, trials);
        Critical.CheckConfidence(confidence);
        if (trials == 0)
        {
            return NoData(confidence);
        }

        // Clopper & Pearson (1934) via the beta–binomial identity (Brown, Cai & DasGupta 2001):
        // lower = Beta⁻¹(α/2; x, n−x+1), upper = Beta⁻¹(1−α/2; x+1, n−x). At x = 0 and x = n they have the
        // closed forms upper = 1 − (α/2)^(1/n) and lower = (α/2)^(1/n), used directly for full precision.
        var tail = (1.0 - confidence) / 2.0;
        var x = (double)successes;
        var n = (double)trials;
        var lower = successes == 0 ? 0.0
            : successes == trials ? Math.Pow(tail, 1.0 / n)
            : Beta.InvCDF(x, n - x + 1.0, tail);
        var upper = successes == trials ? 1.0
            : successes == 0 ? 1.0 - Math.Pow(tail, 1.0 / n)
            : Beta.InvCDF(x + 1.0, n - x, 1.0 - tail);
        return new Interval(lower, upper, confidence, "Clopper–Pearson exact");
    }

    /// <summary>
    /// The recommended interval. Rule: Clopper–Pearson (exact) when n &lt; 30 or when successes or failures
    /// number fewer than 5, where the normal-theory approximation behind Wilson is least trustworthy;
    /// Wilson otherwise (Brown, Cai &amp; DasGupta 2001 recommend Wilson for general use).
    /// </summary>
    public static Interval Best(long successes, long trials, double confidence = 0.95)
    {
        CheckCounts(successes, trials);
        var small = trials < SmallSample || Math.Min(successes, trials - successes) < FewEvents;
        return small ? ClopperPearson(successes, trials, confidence) : Wilson(successes, trials, confidence);
    }

    /// <summary>Normal-theory (Wald) interval p̂ ± z·SE, clipped to [0, 1]. Prefer Wilson for proportions near 0 or 1.</summary>
    public static Interval Normal(double estimate, double standardError, double confidence = 0.95)
    {
        Critical.CheckProbability(estimate, nameof(estimate));
        if (!(standardError >= 0.0) || double.IsPositiveInfinity(standardError))
        {
            throw new ArgumentOutOfRangeException(nameof(standardError), standardError, "A standard error must be finite and not negative.");
        }

        var half = Critical.TwoSidedZ(confidence) * standardError;
        return new Interval(Math.Max(0.0, estimate - half), Math.Min(1.0, estimate + half), confidence, "normal (Wald)");
    }

    /// <summary>The interval for a proportion with no observations: all of [0, 1].</summary>
    public static Interval NoData(double confidence = 0.95)
    {
        Critical.CheckConfidence(confidence);
        return new Interval(0.0, 1.0, confidence, "no data");
    }

    private static void CheckCounts(long successes, long trials)
    {
        if (trials < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "The number of trials cannot be negative.");
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Successes must lie between 0 and the {trials} trials.");
        }
    }
}
