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
    /// A leaf is anomalous when its deviation lies more than this many noise standard deviations σ from 0. Conjunctions
    /// holding an anomalous leaf are candidates; σ is re-estimated on the leaves within this band; and no leaf pulls a
    /// shared shift harder than this many σ.
    /// </summary>
    public double LeafThreshold { get; init; } = 3.0;

    /// <summary>
    /// η: the share of leaves allowed to be outliers, normal ones that deviate beyond their noise or leaves of a cause
    /// that did not follow it (see <see cref="ShiftEvidence"/>). It caps what one leaf weighs at ln(2(1 − η)/η + 1).
    /// </summary>
    public double OutlierRate { get; init; } = 0.01;

    /// <summary>
    /// How sure the search must be to name a cause: with prior odds of 1 : M for any one of the cube's M conjunctions,
    /// a cause's posterior probability must reach this, so its log likelihood ratio must exceed ln M + ln(p/(1 − p)).
    /// </summary>
    public double Confidence { get; init; } = 0.9;

    /// <summary>
    /// A cause may hold leaves that did not follow it (small ones rounded back to their forecast, a few exceptions) up to
    /// this share of its size; a larger part that did not move, which one more dimension separates, makes the parts that
    /// moved the causes instead.
    /// </summary>
    public double UnmovedShare { get; init; } = 0.1;

    /// <summary>Candidates whose evidence is within this fraction of the best one tie, and the shortest conjunction wins (Occam).</summary>
    public double OccamTolerance { get; init; } = 0.02;

    /// <summary>
    /// The value that stands for "none" in a dimension (a decision made by a model has no site). Two conjunctions that
    /// hold exactly the same leaves (site=(none) and decided_by=automated) carry the same evidence; between such aliases
    /// the one that names a real value is chosen. Null treats every value alike.
    /// </summary>
    public string? MissingValue { get; init; } = "(none)";

    /// <summary>Floor on the relative noise scale σ, so a cube without noise still has a finite threshold.</summary>
    public double MinNoise { get; init; } = 1e-6;

    /// <summary>The depth used for a cube of <paramref name="dimensions"/> dimensions.</summary>
    public int DepthFor(int dimensions) => Math.Min(MaxDepth ?? 4, dimensions);

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
        Positive(MinNoise, nameof(MinNoise));
        if (!(OutlierRate is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(OutlierRate), OutlierRate, "OutlierRate must lie in (0, 1).");
        }
        if (!(Confidence is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "Confidence must lie in (0, 1).");
        }
        if (!(UnmovedShare is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(UnmovedShare), UnmovedShare, "UnmovedShare must lie in (0, 1).");
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
