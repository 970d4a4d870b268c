namespace ModScope.Planning.Workload;

/// <summary>
/// One queue at one site on one day of a plan.
/// </summary>
/// <param name="Volume">Expected human decisions.</param>
/// <param name="WorkHours">Their handling hours.</param>
/// <param name="RequiredScheduled">Scheduled hours the work needs at the targets with no backlog carried.</param>
/// <param name="AllocatedScheduled">The site's scheduled hours that fall to this queue (minute-scale queues: their coverage first; fluid queues, pooled earliest deadline first on what the minute-scale work leaves: the work it was served, and its share of the idle hours in proportion to need).</param>
/// <param name="Backlog">Handling hours waiting at the day's end with the allocated hours (fluid queues).</param>
/// <param name="Attainment">Expected share of the work due that day done within the SLA with the allocated hours.</param>
/// <param name="ExtraScheduled">Scheduled hours to add that day for nothing to miss its SLA.</param>
/// <param name="AtRisk">Attainment below the target.</param>
/// <param name="Abandoned">Erlang A's abandoned share at the required staffing (minute-scale queues), else null.</param>
public sealed record QueueDayPlan(
    string Site,
    string Queue,
    DateOnly Day,
    QueueModel Model,
    double Volume,
    double WorkHours,
    double RequiredScheduled,
    double AllocatedScheduled,
    double Backlog,
    double Attainment,
    double ExtraScheduled,
    bool AtRisk,
    double? Abandoned);
