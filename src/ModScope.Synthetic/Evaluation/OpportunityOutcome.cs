using ModScope.Planning.Opportunities;

namespace ModScope.Synthetic.Evaluation;

/// <summary>How one planted opportunity fared: the finder's matching opportunity of its kind (same subject), if any.</summary>
/// <param name="Seed">The generator's seed.</param>
/// <param name="Planted">The ground truth.</param>
/// <param name="Found">The finder's opportunity of the same kind and subject; null when it found none.</param>
public sealed record OpportunityOutcome(int Seed, PlantedOpportunity Planted, Opportunity? Found)
{
    /// <summary>Its place among its kind (1 = largest); null when not found.</summary>
    public int? Rank => Found?.Rank;

    /// <summary>The found size over the planted one; null when not found.</summary>
    public double? SizeRatio => Found is null || Planted.Value <= 0 ? null : Found.Size.Value / Planted.Value;

    /// <summary>Recovered: in the top 3 of its kind, sized within 25% of the planted value.</summary>
    public bool Recovered => Rank <= OpportunityEvaluation.TopRank && SizeRatio is { } r && Math.Abs(r - 1.0) <= OpportunityEvaluation.SizeTolerance;
}
