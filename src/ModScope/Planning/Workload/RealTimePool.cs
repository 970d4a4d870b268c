namespace ModScope.Planning.Workload;

/// <summary>
/// A site's minute-scale queues staffed as one Erlang C pool, day by day: the site's moderators are one blended pool,
/// so one agent on duty in an hour serves every livestream queue of the site (pooling: Erlang C on the summed traffic
/// needs fewer agents than the queues apart, and a single agent covers an hour, not one per queue). The pooled day sums
/// the volumes, takes the volume-weighted mean handling seconds and the volume-weighted mix of the queues' arrival
/// hours, and the shortest SLA; each queue's share of the pool's need is its share of the pool's handling work.
/// </summary>
internal static class RealTimePool
{
    /// <summary>One site's pooled minute-scale demand on one day and what it needs.</summary>
    public sealed record PooledDay(DemandDay Demand, IReadOnlyList<double> Shares, double SlaHours, double Scheduled, double? Abandoned);

    public static Dictionary<(string Site, DateOnly Day), PooledDay> Pool(IEnumerable<QueueDemand> minuteScale, PlanningTargets targets)
    {
        var pools = new Dictionary<(string, DateOnly), PooledDay>();
        var byDay = minuteScale
            .SelectMany(q => q.Days.Select(d => (q.Site, Day: d, Shares: q.HourShares ?? Even, q.SlaHours)))
            .GroupBy(x => (x.Site, x.Day.Day));
        foreach (var group in byDay)
        {
            var volume = group.Sum(x => x.Day.Volume);
            var seconds = volume <= 0 ? 0.0 : group.Sum(x => x.Day.Volume * x.Day.HandlingSeconds) / volume;
            var shares = Enumerable.Range(0, 24)
                .Select(h => volume <= 0 ? 1.0 / 24.0 : group.Sum(x => x.Day.Volume * x.Shares[h]) / volume)
                .ToArray();
            var sla = group.Min(x => x.SlaHours);
            var day = new DemandDay(group.Key.Item2, volume, seconds);
            var (agentHours, abandoned) = MinuteScaleStaffing.Required(day, shares, sla, targets);
            pools[group.Key] = new PooledDay(day, shares, sla, agentHours / (1.0 - targets.Shrinkage), abandoned);
        }

        return pools;
    }

    /// <summary>A queue-day's part of its pool's scheduled need: its share of the pool's handling work.</summary>
    public static double Share(DemandDay day, PooledDay pool) =>
        pool.Demand.WorkHours <= 0 ? 0.0 : pool.Scheduled * day.WorkHours / pool.Demand.WorkHours;

    private static readonly double[] Even = [.. Enumerable.Repeat(1.0 / 24.0, 24)];
}
