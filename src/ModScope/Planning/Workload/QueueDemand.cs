namespace ModScope.Planning.Workload;

/// <summary>
/// A queue's expected work at one site over consecutive days.
/// </summary>
/// <param name="Site">The site doing the work.</param>
/// <param name="Queue">The queue.</param>
/// <param name="SlaHours">The queue's SLA: hours from entering the queue to the decision.</param>
/// <param name="Days">Consecutive days of demand.</param>
/// <param name="HourShares">Share of a day's items arriving in each UTC hour (24 values summing to 1), for minute-scale
/// queues; null spreads the day evenly.</param>
/// <param name="InitialBacklog">Handling hours of work already waiting before the first day.</param>
public sealed record QueueDemand(string Site, string Queue, double SlaHours, IReadOnlyList<DemandDay> Days, IReadOnlyList<double>? HourShares = null, double InitialBacklog = 0);
