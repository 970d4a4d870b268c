namespace ModScope.Synthetic;

/// <summary>Metric ids used in incident ground truth (the core index's ids).</summary>
internal static class MetricIds
{
    public const string DecisionVolume = "decision_volume";
    public const string HumanDecisionVolume = "human_decision_volume";
    public const string AutomationRate = "automation_rate";
    public const string EnforcementRate = "enforcement_rate";
    public const string ProactiveDetectionRate = "proactive_detection_rate";
    public const string QaAccuracy = "qa_accuracy";
    public const string QaAuditVolume = "qa_audit_volume";
    public const string OverEnforcementRate = "over_enforcement_rate";
    public const string UnderEnforcementRate = "under_enforcement_rate";
    public const string TatP50Hours = "tat_p50_hours";
    public const string TatP90Hours = "tat_p90_hours";
    public const string SlaAttainment = "sla_attainment";
    public const string BacklogEndOfPeriod = "backlog_end_of_period";

    public const string Up = "up";
    public const string Down = "down";
}
