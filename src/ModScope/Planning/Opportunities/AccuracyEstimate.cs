namespace ModScope.Planning.Opportunities;

/// <summary>
/// A QA accuracy from the stratified sample: the weighted estimate and Kish's effective number of audits behind it
/// (the simple-random-sample size with the same variance), so the design's weights are not mistaken for evidence.
/// </summary>
public sealed record AccuracyEstimate(double Value, double EffectiveAudits)
{
    /// <summary>
    /// The accuracy of a process (how its decisions will fare, as the automation comparison asks), from the query door's
    /// estimate: its effective audits at most the audits themselves. The door's Kish n includes the finite population
    /// correction, right for the month's own decisions but not for the process behind them: a stratum audited nearly
    /// whole claims nearly no variance (the planted automation cell's automated side, 287 audits of 314 decisions in
    /// 28 days, had 12,114 effective audits). Weights that cost precision still lower it below the audits.
    /// </summary>
    public static AccuracyEstimate ForProcess(double value, double? effectiveAudits, double? audits)
    {
        var effective = effectiveAudits ?? audits ?? 0.0;
        return new AccuracyEstimate(value, audits is { } n ? Math.Min(effective, n) : effective);
    }
}
