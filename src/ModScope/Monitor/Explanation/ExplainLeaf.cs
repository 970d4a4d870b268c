using ModScope.Explain;

namespace ModScope.Monitor.Explanation;

/// <summary>
/// One leaf of an alert's cube: its values, what happened (<see cref="Actual"/>), what its baseline implies
/// (<see cref="Expected"/>), the weight that turns them into the metric (denominator or decisions; 1 for counts),
/// and, for proportions, its baseline numerator and denominator per week (for the mix/rate split).
/// </summary>
internal sealed record ExplainLeaf(string[] Values, double Actual, double Expected, double Weight, double BaselineNumerator, double BaselineDenominator)
{
    public CubeLeaf ToCubeLeaf() => new(Values, Actual, Expected);
}
