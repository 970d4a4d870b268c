namespace ModScope.Stats;

/// <summary>
/// Proportion from an unequal-probability sample with row weights w_i = 1/π_i, or any weighted share such
/// as the severity-weighted error rate Σ s_i e_i / Σ s_i (DOMAIN.md 1.2).
/// </summary>
public static class WeightedProportion
{
    /// <summary>
    /// Hájek (1971) ratio estimator p̂ = Σ w_i y_i / Σ w_i with outcomes y_i in [0, 1].
    /// <para>
    /// Variance: Taylor linearisation of the ratio with the with-replacement estimator,
    /// v(p̂) = n/(n−1) · Σ w_i² (y_i − p̂)² / (Σ w_i)² (Särndal, Swensson &amp; Wretman 1992, ratio estimator;
    /// Wolter 2007, ch. 6); one observation gives the conservative 1/4.
    /// </para>
    /// Interval: Wilson (1927) at Kish's (1992, J. Official Statistics 8:183) effective sample size
    /// (Σ w)²/Σ w², which depends on the weights only, so it cannot collapse when every y_i is equal, and with
    /// equal weights reduces exactly to the plain Wilson interval for x/n. It ignores any correlation between
    /// weights and outcomes; compare with <see cref="WeightedEstimate.StandardError"/> when that matters.
    /// Observations with weight 0 are skipped.
    /// </summary>
    public static WeightedEstimate Estimate(IReadOnlyList<(double Weight, double Outcome)> observations, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(observations);
        Critical.CheckConfidence(confidence);
        Validate(observations);
        var used = observations.Where(o => o.Weight > 0.0).ToList();
        if (used.Count == 0)
        {
            throw new ArgumentException("No observation has a positive weight: there is nothing to estimate.", nameof(observations));
        }

        var weightTotal = used.Sum(o => o.Weight);
        var squaredWeights = used.Sum(o => o.Weight * o.Weight);
        var estimate = Math.Clamp(used.Sum(o => o.Weight * o.Outcome) / weightTotal, 0.0, 1.0);
        var n = used.Count;
        var variance = n == 1
            ? 0.25
            : (double)n / (n - 1) * used.Sum(o => o.Weight * o.Weight * (o.Outcome - estimate) * (o.Outcome - estimate)) / (weightTotal * weightTotal);
        var effective = weightTotal * weightTotal / squaredWeights;
        var interval = ProportionInterval.WilsonForEstimate(estimate, effective, confidence) with { Method = "Wilson at Kish effective n" };
        return new WeightedEstimate(estimate, variance, Math.Sqrt(variance), effective, interval, n, weightTotal);
    }

    private static void Validate(IReadOnlyList<(double Weight, double Outcome)> observations)
    {
        var issues = new List<string>();
        for (var i = 0; i < observations.Count; i++)
        {
            var (weight, outcome) = observations[i];
            if (!(weight >= 0.0) || double.IsPositiveInfinity(weight))
            {
                issues.Add($"#{i} has weight {weight} (weights must be finite and not negative)");
            }

            if (!(outcome >= 0.0 && outcome <= 1.0))
            {
                issues.Add($"#{i} has outcome {outcome} (outcomes must lie in [0, 1])");
            }

            if (issues.Count >= 10)
            {
                break;
            }
        }

        if (issues.Count > 0)
        {
            throw new ArgumentException("Invalid observations (at most 10 listed): " + string.Join("; ", issues) + ".", nameof(observations));
        }
    }
}
