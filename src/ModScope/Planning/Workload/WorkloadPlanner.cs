namespace ModScope.Planning.Workload;

/// <summary>
/// Turns expected work into hours and compares them with a site's scheduled hours. Each queue-day needs scheduled
/// hours at the targets: a fluid queue its handling hours / (occupancy · (1 − shrinkage)), a minute-scale queue its
/// Erlang C agent-hours / (1 − shrinkage). A site's scheduled hours are shared among its queues in proportion to that
/// need; each queue then runs through its model with its share — the fluid queue carrying its backlog from day to day
/// against the SLA deadline — which gives the days at risk and the extra hours that would keep the SLA.
/// </summary>
public static class WorkloadPlanner
{
    public static WorkloadPlan Plan(IReadOnlyList<QueueDemand> demands, IReadOnlyList<CapacityDay> capacity, PlanningTargets targets)
    {
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(capacity);
        ArgumentNullException.ThrowIfNull(targets);
        targets.Validated();
        var scheduled = new Dictionary<(string, DateOnly), double>();
        foreach (var c in capacity)
        {
            scheduled[(c.Site, c.Day)] = scheduled.GetValueOrDefault((c.Site, c.Day)) + c.ScheduledHours;
        }

        var needs = demands.Select(d => Needs(Checked(d), targets)).ToArray();
        var needBySiteDay = new Dictionary<(string, DateOnly), double>();
        for (var i = 0; i < demands.Count; i++)
        {
            foreach (var (day, need) in demands[i].Days.Zip(needs[i].Scheduled))
            {
                needBySiteDay[(demands[i].Site, day.Day)] = needBySiteDay.GetValueOrDefault((demands[i].Site, day.Day)) + need;
            }
        }

        var queues = new List<QueueDayPlan>();
        for (var i = 0; i < demands.Count; i++)
        {
            var demand = demands[i];
            var allocated = demand.Days.Select((d, k) =>
            {
                var total = needBySiteDay[(demand.Site, d.Day)];
                return total <= 0 ? 0.0 : scheduled.GetValueOrDefault((demand.Site, d.Day)) * needs[i].Scheduled[k] / total;
            }).ToArray();
            queues.AddRange(Run(demand, needs[i], allocated, targets));
        }

        var bySiteDay = queues.ToLookup(q => (q.Site, q.Day));
        var sites = needBySiteDay.Keys.Concat(scheduled.Keys).Distinct()
            .OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2)
            .Select(k =>
            {
                var need = needBySiteDay.GetValueOrDefault(k);
                var have = scheduled.GetValueOrDefault(k);
                var mine = bySiteDay[k].ToArray();
                return new SiteDayPlan(k.Item1, k.Item2, need, have, need - have, mine.Sum(q => q.ExtraScheduled), mine.Count(q => q.AtRisk));
            }).ToArray();
        return new WorkloadPlan(queues, sites, targets);
    }

    private sealed record QueueNeeds(QueueModel Model, double[] Scheduled, double?[] Abandoned, IReadOnlyList<double> Shares);

    private static QueueNeeds Needs(QueueDemand demand, PlanningTargets targets)
    {
        if (demand.SlaHours > targets.MinuteScaleSlaHours)
        {
            var fluid = demand.Days.Select(d => d.WorkHours * targets.ScheduledPerHandlingHour).ToArray();
            return new QueueNeeds(QueueModel.Fluid, fluid, new double?[fluid.Length], []);
        }

        var shares = demand.HourShares ?? Enumerable.Repeat(1.0 / 24.0, 24).ToArray();
        var staffing = demand.Days.Select(d => MinuteScaleStaffing.Required(d, shares, demand.SlaHours, targets)).ToArray();
        return new QueueNeeds(QueueModel.Erlang, staffing.Select(s => s.AgentHours / (1.0 - targets.Shrinkage)).ToArray(), staffing.Select(s => s.Abandoned).ToArray(), shares);
    }

    private static IEnumerable<QueueDayPlan> Run(QueueDemand demand, QueueNeeds needs, double[] allocated, PlanningTargets targets)
    {
        if (needs.Model == QueueModel.Fluid)
        {
            var handlingPerScheduled = 1.0 / targets.ScheduledPerHandlingHour;
            var outcomes = FluidQueue.Run(
                demand.Days.Select((d, k) => new FluidDay(d.Day, d.WorkHours, allocated[k] * handlingPerScheduled)).ToArray(),
                demand.SlaHours,
                demand.InitialBacklog);
            return outcomes.Select((o, k) => new QueueDayPlan(
                demand.Site, demand.Queue, o.Day, QueueModel.Fluid, demand.Days[k].Volume, o.Work, needs.Scheduled[k], allocated[k],
                o.Backlog, o.Attainment, o.Extra * targets.ScheduledPerHandlingHour, o.Attainment < targets.SlaAttainment, null));
        }

        return demand.Days.Select((d, k) =>
        {
            var fraction = needs.Scheduled[k] <= 0 ? 1.0 : allocated[k] / needs.Scheduled[k];
            var attainment = MinuteScaleStaffing.Attainment(d, needs.Shares, demand.SlaHours, targets, fraction);
            return new QueueDayPlan(
                demand.Site, demand.Queue, d.Day, QueueModel.Erlang, d.Volume, d.WorkHours, needs.Scheduled[k], allocated[k],
                0.0, attainment, Math.Max(0.0, needs.Scheduled[k] - allocated[k]), attainment < targets.SlaAttainment, needs.Abandoned[k]);
        });
    }

    private static QueueDemand Checked(QueueDemand demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        if (!(demand.SlaHours > 0))
        {
            throw new ArgumentException($"Queue {demand.Queue} at {demand.Site}: the SLA must be a positive number of hours (got {demand.SlaHours}).", nameof(demand));
        }

        if (demand.HourShares is { } shares && (shares.Count != 24 || shares.Any(s => !(s >= 0)) || Math.Abs(shares.Sum() - 1.0) > 1e-6))
        {
            throw new ArgumentException($"Queue {demand.Queue} at {demand.Site}: hour shares must be 24 non-negative values summing to 1.", nameof(demand));
        }

        foreach (var d in demand.Days)
        {
            if (!(d.Volume >= 0) || !(d.HandlingSeconds >= 0) || double.IsInfinity(d.Volume) || double.IsInfinity(d.HandlingSeconds))
            {
                throw new ArgumentException($"Queue {demand.Queue} at {demand.Site} on {d.Day:yyyy-MM-dd}: volume ({d.Volume}) and handling seconds ({d.HandlingSeconds}) must be finite and not negative.", nameof(demand));
            }
        }

        return demand;
    }
}
