namespace ModScope.Planning.Workload;

/// <summary>A plan: every queue-day and site-day, and the targets it was made with.</summary>
public sealed record WorkloadPlan(IReadOnlyList<QueueDayPlan> Queues, IReadOnlyList<SiteDayPlan> Sites, PlanningTargets Targets);
