namespace ModScope.Planning.Workload;

/// <summary>
/// One site on one day: scheduled hours needed at the targets against scheduled hours, the gap (need − scheduled,
/// negative when there is slack), the extra hours that keep every queue within its SLA once backlogs carry over, and
/// the number of its queues at risk.
/// </summary>
public sealed record SiteDayPlan(string Site, DateOnly Day, double RequiredScheduled, double Scheduled, double Gap, double ExtraScheduled, int QueuesAtRisk);
