namespace ModScope.Synthetic;

/// <summary>An object type with its simulation numbers.</summary>
internal sealed record ObjectProfile(
    int Index,
    string ObjectType,
    string IdPrefix,
    double Weight,
    double AutomationOffset,
    double HandlingMedianSeconds,
    double UserReportShare,
    double ReopenShare,
    double EnforceFactor,
    WeightedChoice<string> Verdicts,
    WeightedChoice<PolicyProfile> Policies)
{
    /// <summary>The usual enforcement for this object type (what QA expects on a miss).</summary>
    public string PrimaryVerdict { get; } = Verdicts.Probabilities.MaxBy(p => p.Probability).Item;
}
