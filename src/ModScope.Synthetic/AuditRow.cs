namespace ModScope.Synthetic;

/// <summary>One QA audit row (see EventSchema.QaAudits).</summary>
internal sealed record AuditRow(
    string AuditId,
    string DecisionId,
    string AuditorId,
    DateTime AuditedAt,
    string Stratum,
    long StratumPopulation,
    long StratumSampleSize,
    string QaVerdict,
    string? QaPolicyId,
    string ErrorType);
