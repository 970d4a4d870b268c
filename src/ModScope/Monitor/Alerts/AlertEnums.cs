namespace ModScope.Monitor.Alerts;

/// <summary>A metric moved abnormally, or the data itself is wrong (late, missing, duplicated, quarantined).</summary>
public enum AlertKind
{
    Metric,
    Data,
}

/// <summary>An alert's lifecycle: new → acknowledged → resolved, or snoozed until a date; suppressed by a data alert.</summary>
public enum AlertStatus
{
    New,
    Acknowledged,
    Resolved,
    Snoozed,
    Suppressed,
}

/// <summary>How serious: critical alerts move the metric a lot or break a data source.</summary>
public enum AlertSeverity
{
    Warning,
    Critical,
}

/// <summary>An analyst's verdict on an alert, the ground truth for <c>modscope alerts accuracy</c>.</summary>
public enum AlertLabel
{
    ConfirmedIncident,
    Expected,
    FalseAlarm,
    NewNormal,
}
