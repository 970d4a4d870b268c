using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>A leaf policy with its simulation numbers.</summary>
internal sealed record PolicyProfile(Policy Policy, double Enforce, double AutomationOffset, double Difficulty, double AppealRate)
{
    public string Id => Policy.PolicyId;
}
