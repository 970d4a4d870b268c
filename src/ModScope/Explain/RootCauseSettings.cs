namespace ModScope.Explain;

/// <summary>How <see cref="RootCauseSearch"/> looks for causes. The defaults suit cubes of a few to a few hundred thousand leaves.</summary>
public sealed record RootCauseSettings
{
    public static RootCauseSettings Default { get; } = new();

    /// <summary>Most dimensions in one cause; null means min(dimensions, 4).</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Most causes reported.</summary>
    public int MaxCauses { get; init; } = 5;

    /// <summary>
    /// A leaf is anomalous when its log ratio ln(actual/expected) lies more than this many noise standard deviations σ
    /// from 0. Only conjunctions holding an anomalous leaf are candidates.
    /// </summary>
    public double LeafThreshold { get; init; } = 3.0;

    /// <summary>
    /// z against noise: fitting a ratio to leaves of pure noise ε gains at most |Σ p·ε|, which stays within z·σ·√(Σ p²),
    /// so a candidate's gain must exceed (z − NoiseBand)·σ·√(Σ p²); for a single leaf that means deviating by more than
    /// z·σ. Null: a Bonferroni z over all M conjunctions in the cube, so pure noise passes with probability about 5%:
    /// z = Φ⁻¹(1 − 0.05/2M), at least 3 (4.56 for M = 10,000; 5.64 for 3 million).
    /// </summary>
    public double? NoiseThreshold { get; init; }

    /// <summary>
    /// Errors within this many σ (relative to the prediction) count as noise, not as something a cause must explain, so
    /// fitting one leaf exactly gains no more than fitting its whole cause to within noise.
    /// </summary>
    public double NoiseBand { get; init; } = 1.0;

    /// <summary>A cause must remove at least this share of the change beyond the noise band, Σ max(0, |a − f| − NoiseBand·σ·|f|).</summary>
    public double MinShare { get; init; } = 0.002;

    /// <summary>Candidates whose net gain is within this fraction of the best one tie, and the shortest conjunction wins (Occam).</summary>
    public double OccamTolerance { get; init; } = 0.02;

    /// <summary>Floor on the relative noise scale σ, so a cube without noise still has a finite threshold.</summary>
    public double MinNoise { get; init; } = 1e-6;

    /// <summary>The depth used for a cube of <paramref name="dimensions"/> dimensions.</summary>
    public int DepthFor(int dimensions) => Math.Min(MaxDepth ?? 4, dimensions);

    /// <summary>The z used against noise when the cube holds <paramref name="conjunctions"/> conjunctions.</summary>
    public double NoiseZFor(int conjunctions) =>
        NoiseThreshold ?? Math.Max(3.0, MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - (0.05 / (2.0 * Math.Max(1, conjunctions)))));

    internal void Validate()
    {
        if (MaxDepth is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDepth), MaxDepth, "MaxDepth must be at least 1 (or null for min(dimensions, 4)).");
        }
        if (MaxCauses < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCauses), MaxCauses, "MaxCauses must be at least 1.");
        }
        Positive(LeafThreshold, nameof(LeafThreshold));
        if (NoiseThreshold is { } z)
        {
            Positive(z, nameof(NoiseThreshold));
        }
        Positive(MinNoise, nameof(MinNoise));
        if (!(NoiseBand >= 0 && double.IsFinite(NoiseBand)))
        {
            throw new ArgumentOutOfRangeException(nameof(NoiseBand), NoiseBand, "NoiseBand must be a finite number ≥ 0.");
        }
        if (!(MinShare is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinShare), MinShare, "MinShare must lie in [0, 1).");
        }
        if (!(OccamTolerance is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(OccamTolerance), OccamTolerance, "OccamTolerance must lie in [0, 1).");
        }
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number.");
        }
    }
}
