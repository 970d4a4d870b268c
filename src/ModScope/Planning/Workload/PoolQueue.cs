namespace ModScope.Planning.Workload;

/// <summary>One deadline queue of a <see cref="DeadlinePool"/>.</summary>
/// <param name="SlaHours">Hours from arrival to deadline.</param>
/// <param name="Work">Handling hours arriving each day of the pool.</param>
/// <param name="InitialBacklog">Handling hours waiting before the first day (arrived evenly over the day before).</param>
public sealed record PoolQueue(double SlaHours, IReadOnlyList<double> Work, double InitialBacklog = 0);
