namespace ModScope.Explain;

/// <summary>One root cause: a conjunction of dimension values whose leaves moved together.</summary>
/// <param name="Conjunction">Dimension → value; dimensions not named are wildcards. In the cube's dimension order.</param>
/// <param name="Share">
/// Share of the cube's total absolute change Σ|actual − expected| that lies in the leaves this cause explains (those
/// that moved its way or stayed put, and no earlier cause took).
/// </param>
/// <param name="Actual">Σ actual over the cause's leaves.</param>
/// <param name="Expected">Σ expected over the cause's leaves.</param>
/// <param name="Change">Actual − Expected.</param>
/// <param name="Leaves">Leaves under the cause.</param>
/// <param name="AnomalousLeaves">Of those, leaves that deviate beyond noise on their own.</param>
/// <param name="Ratio">Actual / Expected: how the cause's leaves moved; null when Expected is not positive.</param>
public sealed record Cause(
    IReadOnlyDictionary<string, string> Conjunction,
    double Share,
    double Actual,
    double Expected,
    double Change,
    int Leaves,
    int AnomalousLeaves,
    double? Ratio)
{
    /// <summary>"a=a1 & b=b3".</summary>
    public override string ToString() => string.Join(" & ", Conjunction.Select(p => $"{p.Key}={p.Value}"));
}
