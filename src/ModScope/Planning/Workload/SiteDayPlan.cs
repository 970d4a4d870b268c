namespace ModScope.Planning.Workload;

/// <summary>
/// One site on one day: scheduled hours needed at the targets against scheduled hours, the gap (need − scheduled,
/// negative when there is slack), and the extra hours that keep every queue within its SLA once backlogs carry over
/// (the larger of the deadline queues' and the live coverage's shortfalls: added hours serve both). The deadline
/// (fluid) queues and the live coverage (minute-scale queues: someone on duty every hour) are told apart, since a
/// site whose roster follows its work can keep every deadline queue's SLA and still leave night hours uncovered.
/// </summary>
/// <param name="RequiredScheduled">The blended need: the live coverage, or all the work at the targets when that is more.</param>
/// <param name="QueuesAtRisk">Deadline (fluid) queues whose SLA attainment falls below the target that day.</param>
public sealed record SiteDayPlan(string Site, DateOnly Day, double RequiredScheduled, double Scheduled, double Gap, double ExtraScheduled, int QueuesAtRisk)
{
    /// <summary>Scheduled hours the day's work needs at the targets (every queue's handling hours / (occupancy · (1 − shrinkage))).</summary>
    public double WorkScheduled { get; init; }

    /// <summary>Extra scheduled hours the deadline queues need that day to keep their SLA.</summary>
    public double DeadlineExtra { get; init; }

    /// <summary>Scheduled hours the minute-scale queues' coverage needs (Erlang C agents every hour / (1 − shrinkage)); 0 without such work.</summary>
    public double LiveRequired { get; init; }

    /// <summary>Scheduled hours that coverage lacks with the site's roster (0 when covered).</summary>
    public double LiveShort { get; init; }

    /// <summary>Minute-scale queues whose attainment falls below the target that day.</summary>
    public int LiveQueuesAtRisk { get; init; }
}
