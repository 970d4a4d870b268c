namespace ModScope.Planning.Workload;

/// <summary>
/// The staffing targets a plan is made with (from <c>catalog/planning.yaml</c>). Productive hours are scheduled hours
/// less shrinkage (breaks, training, meetings, absence); handling hours are productive hours at the target occupancy.
/// </summary>
public sealed record PlanningTargets
{
    /// <summary>Target occupancy: handling time over productive time.</summary>
    public double Occupancy { get; init; } = 0.85;

    /// <summary>Shrinkage: the share of scheduled hours that is not available for work.</summary>
    public double Shrinkage { get; init; } = 0.20;

    /// <summary>Share of the work due on a day that must be done within its SLA; a day below it is at risk.</summary>
    public double SlaAttainment { get; init; } = 0.90;

    /// <summary>Queues whose SLA is this short or shorter are planned hour by hour with Erlang C, not as a daily fluid.</summary>
    public double MinuteScaleSlaHours { get; init; } = 2.0;

    /// <summary>Mean minutes an item of a minute-scale queue can wait before it is gone (a livestream ends): Erlang A's patience.</summary>
    public double PatienceMinutes { get; init; } = 20.0;

    /// <summary>Scheduled hours that give one handling hour at the targets: 1 / (occupancy · (1 − shrinkage)).</summary>
    public double ScheduledPerHandlingHour => 1.0 / (Occupancy * (1.0 - Shrinkage));

    /// <summary>Checks the targets, naming the first that is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A target is out of range.</exception>
    public PlanningTargets Validated()
    {
        Require(Occupancy is > 0 and <= 1, nameof(Occupancy), "in (0, 1]");
        Require(Shrinkage is >= 0 and < 1, nameof(Shrinkage), "in [0, 1)");
        Require(SlaAttainment is > 0 and < 1, nameof(SlaAttainment), "strictly between 0 and 1");
        Require(MinuteScaleSlaHours >= 0, nameof(MinuteScaleSlaHours), "zero or more");
        Require(PatienceMinutes > 0, nameof(PatienceMinutes), "positive");
        return this;
    }

    private static void Require(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, $"Planning target {name} must be {rule}.");
        }
    }
}
