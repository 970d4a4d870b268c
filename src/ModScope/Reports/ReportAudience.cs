namespace ModScope.Reports;

/// <summary>Who reads the report: it decides which facts are chosen and in what order.</summary>
public enum ReportAudience
{
    /// <summary>One page: headline index, largest significant movements, one risk, decisions needed.</summary>
    Exec,
    /// <summary>A region or market against the global picture: ranking, alerts, backlog and SLA outlook.</summary>
    Regional,
    /// <summary>Accuracy and error types with intervals, auditor agreement, appeal overturns, thin samples.</summary>
    Quality,
}
