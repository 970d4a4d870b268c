namespace ModScope.Stats;

/// <summary>How many items to audit: for one rate (DOMAIN.md 1.2) and for a stratified design.</summary>
public static class SampleSize
{
    /// <summary>
    /// Simple random sample to estimate a rate near <paramref name="expected"/> within ±<paramref name="margin"/>:
    /// n0 = z²·p(1−p)/e², and with a population N the finite-population correction n = n0 / (1 + (n0−1)/N)
    /// (Cochran 1977, Sampling Techniques, 3rd ed., ch. 4, sample size for proportions; DOMAIN.md 1.2:
    /// p = 0.95, e = 0.02 at 95% gives n0 ≈ 456.2, so 457 items). Use 0.5 when nothing is known (largest n).
    /// </summary>
    public static SampleSizeEstimate ForProportion(double expected, double margin, double confidence = 0.95, long? population = null)
    {
        if (!(expected > 0.0 && expected < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(expected), expected, "The expected rate must lie strictly between 0 and 1; use 0.5 for the most conservative size.");
        }

        CheckMargin(margin);
        var z = Critical.TwoSidedZ(confidence);
        var initial = z * z * expected * (1.0 - expected) / (margin * margin);
        if (population is null)
        {
            return new SampleSizeEstimate(initial, initial, Whole(initial, long.MaxValue));
        }

        CheckPopulation(population.Value);
        var corrected = initial / (1.0 + ((initial - 1.0) / population.Value));
        return new SampleSizeEstimate(initial, corrected, Whole(corrected, population.Value));
    }

    /// <summary>
    /// Total sample for a stratified estimate of a rate within ±<paramref name="margin"/>, with V = (e/z)²,
    /// W_h = N_h/N (Cochran 1977, ch. 5, estimation of sample size, eq. 5.25 and its proportional analogue):
    /// Neyman n = (Σ W_h S_h)² / (V + Σ W_h S_h²/N); proportional n = n0/(1 + n0/N), n0 = Σ W_h S_h²/V.
    /// <see cref="SampleSizeEstimate.Initial"/> drops the finite-population term. Ignores any per-stratum minimum.
    /// </summary>
    public static SampleSizeEstimate ForStratifiedProportion(double margin, IReadOnlyList<AllocationStratum> strata, AllocationMethod method, double confidence = 0.95)
    {
        CheckMargin(margin);
        Allocator.Validate(strata, nameof(strata));
        var z = Critical.TwoSidedZ(confidence);
        var population = strata.Sum(s => s.Population);
        CheckPopulation(population);
        var v = (margin / z) * (margin / z);
        var weightedSd = strata.Sum(s => (double)s.Population / population * s.StandardDeviation);
        var weightedVariance = strata.Sum(s => (double)s.Population / population * s.StandardDeviation * s.StandardDeviation);
        var numerator = method == AllocationMethod.Neyman ? weightedSd * weightedSd : weightedVariance;
        var initial = numerator / v;
        var corrected = numerator / (v + (weightedVariance / population));
        return new SampleSizeEstimate(initial, corrected, Whole(corrected, population));
    }

    /// <summary>
    /// Shares <paramref name="total"/> among strata: whole numbers summing to the total, each at most N_h and at
    /// least min(<paramref name="minimumPerStratum"/>, N_h). Proportional: n_h ∝ N_h; Neyman (1934): n_h ∝ N_h S_h.
    /// A stratum that would get more than N_h is censused and the rest re-shared (Cochran 1977, ch. 5,
    /// allocation requiring more than 100 per cent sampling); one below the minimum is raised to it. When
    /// the Neyman shares cannot absorb the total (strata with S_h = 0), the rest goes proportionally to N_h.
    /// Rounding: largest remainder.
    /// </summary>
    public static IReadOnlyList<StratumAllocation> Allocate(long total, IReadOnlyList<AllocationStratum> strata, AllocationMethod method, int minimumPerStratum = 2)
    {
        Allocator.Validate(strata, nameof(strata));
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumPerStratum);
        return Allocator.Allocate(total, strata, method, minimumPerStratum);
    }

    private static long Whole(double size, long cap) =>
        Math.Clamp((long)Math.Ceiling(size - 1e-9), 1L, cap);

    private static void CheckMargin(double margin)
    {
        if (!(margin > 0.0 && margin < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin of error must lie strictly between 0 and 1, e.g. 0.02 for ±2 points.");
        }
    }

    private static void CheckPopulation(long population)
    {
        if (population < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(population), population, "The population must contain at least one item.");
        }
    }
}
