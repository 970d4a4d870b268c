namespace ModScope.Synthetic;

/// <summary>What an auditor concludes about a decision.</summary>
internal sealed record AuditJudgement(string QaVerdict, string? QaPolicyId, string ErrorType)
{
    public bool IsError => ErrorType != "none";
}
