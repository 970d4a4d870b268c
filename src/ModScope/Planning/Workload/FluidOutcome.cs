namespace ModScope.Planning.Workload;

/// <summary>
/// One day of a fluid queue, in handling hours: work served, backlog and past-due backlog at the day's end, the work
/// whose deadline fell that day (<see cref="Due"/>) and how much of it missed (<see cref="Late"/>), and the extra
/// capacity that day would have needed for nothing to be past due (<see cref="Extra"/>, after the extras of the days
/// before it).
/// </summary>
public sealed record FluidOutcome(DateOnly Day, double Work, double Capacity, double Served, double Backlog, double PastDue, double Due, double Late, double Extra)
{
    /// <summary>Share of the work due that day done in time (1 when nothing fell due).</summary>
    public double Attainment => Due <= 0 ? 1.0 : Math.Clamp(1.0 - (Late / Due), 0.0, 1.0);
}
