namespace ModScope.Tests.Synthetic;

/// <summary>A qa_audits row.</summary>
public sealed record AuditRecord(
    string AuditId, string DecisionId, string AuditorId, DateTime AuditedAt, string Stratum,
    long Population, long SampleSize, string QaVerdict, string QaPolicy, string ErrorType, DateOnly FileDate)
{
    public string[] StratumParts => Stratum.Split('|');

    public DateOnly StratumDate => DateOnly.ParseExact(StratumParts[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
