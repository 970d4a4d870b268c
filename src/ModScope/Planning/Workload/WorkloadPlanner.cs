namespace ModScope.Planning.Workload;

/// <summary>
/// Turns expected work into hours and compares them with a site's scheduled hours. Each queue-day needs scheduled
/// hours at the targets: a fluid queue its handling hours / (occupancy · (1 − shrinkage)), a minute-scale queue its
/// Erlang C agent-hours / (1 − shrinkage). A site's moderators are one blended pool: the minute-scale queues get their
/// coverage (<see cref="Coverage"/>), and the fluid queues, together, the hours their handling work leaves, served
/// earliest deadline first with the backlog carried from day to day (<see cref="Pooled"/>, <see cref="DeadlinePool"/>),
/// which gives the days at risk and the extra hours that would keep every SLA.
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

        foreach (var demand in demands)
        {
            Checked(demand);
        }

        var pools = RealTimePool.Pool(demands.Where(d => IsMinuteScale(d, targets)), targets);
        var needs = demands.Select(d => Needs(d, pools, targets)).ToArray();
        var load = new Dictionary<(string, DateOnly), SiteLoad>();
        for (var i = 0; i < demands.Count; i++)
        {
            for (var k = 0; k < demands[i].Days.Count; k++)
            {
                var key = (demands[i].Site, demands[i].Days[k].Day);
                var sum = load.GetValueOrDefault(key) ?? new SiteLoad(0, 0, 0);
                load[key] = needs[i].Model == QueueModel.Erlang
                    ? sum with { Coverage = sum.Coverage + needs[i].Scheduled[k], RealTime = sum.RealTime + (demands[i].Days[k].WorkHours * targets.ScheduledPerHandlingHour) }
                    : sum with { Deferrable = sum.Deferrable + needs[i].Scheduled[k] };
            }
        }

        var planned = new IEnumerable<QueueDayPlan>[demands.Count];
        for (var i = 0; i < demands.Count; i++)
        {
            if (needs[i].Model == QueueModel.Erlang)
            {
                var demand = demands[i];
                var allocated = demand.Days.Select((d, k) =>
                    Coverage(needs[i].Scheduled[k], load[(demand.Site, d.Day)], scheduled.GetValueOrDefault((demand.Site, d.Day)))).ToArray();
                planned[i] = Live(demand, needs[i], allocated, targets);
            }
        }

        foreach (var site in Enumerable.Range(0, demands.Count).Where(i => needs[i].Model == QueueModel.Fluid).GroupBy(i => demands[i].Site, StringComparer.Ordinal))
        {
            foreach (var (i, days) in Pooled(site.ToArray(), demands, needs, load, scheduled, targets))
            {
                planned[i] = days;
            }
        }

        var queues = planned.SelectMany(p => p).ToList();

        var bySiteDay = queues.ToLookup(q => (q.Site, q.Day));
        var sites = load.Keys.Concat(scheduled.Keys).Distinct()
            .OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2)
            .Select(k =>
            {
                var site = load.GetValueOrDefault(k) ?? new SiteLoad(0, 0, 0);
                var have = scheduled.GetValueOrDefault(k);
                var live = bySiteDay[k].Where(q => q.Model == QueueModel.Erlang).ToArray();
                var deadline = bySiteDay[k].Where(q => q.Model == QueueModel.Fluid).ToArray();
                // Hours added to the site serve both: the minute-scale queues' coverage, and through its idle time the
                // fluid work (only minute-scale handling work is taken off the fluid queues' pool).
                var liveShort = live.Sum(q => q.ExtraScheduled);
                var deadlineExtra = deadline.Sum(q => q.ExtraScheduled);
                return new SiteDayPlan(k.Item1, k.Item2, site.Required, have, site.Required - have, Math.Max(liveShort, deadlineExtra), deadline.Count(q => q.AtRisk))
                {
                    WorkScheduled = site.RealTime + site.Deferrable, DeadlineExtra = deadlineExtra,
                    LiveRequired = site.Coverage, LiveShort = liveShort, LiveQueuesAtRisk = live.Count(q => q.AtRisk),
                };
            }).ToArray();
        return new WorkloadPlan(queues, sites, targets);
    }

    /// <summary>
    /// A site-day's needs in scheduled hours: the minute-scale queues' coverage (Erlang agents every hour), their
    /// handling work at the targets, and the fluid queues' work at the targets.
    /// </summary>
    private sealed record SiteLoad(double Coverage, double RealTime, double Deferrable)
    {
        /// <summary>Blended: the coverage, or all the work at the targets when that is more.</summary>
        public double Required => Math.Max(Coverage, RealTime + Deferrable);
    }

    /// <summary>
    /// A minute-scale queue's share of its site's scheduled hours: the site's moderators are one blended pool (call
    /// blending: real-time work first, deferrable work in the agents' idle time; Bhulai &amp; Koole 2003), so the
    /// minute-scale queues get their coverage in proportion to need, up to the site's hours.
    /// </summary>
    private static double Coverage(double need, SiteLoad load, double hours) =>
        load.Coverage <= 0 ? 0.0 : need * Math.Min(1.0, hours / load.Coverage);

    /// <summary>
    /// A site's deadline (fluid) queues run as one pool, earliest deadline first (<see cref="DeadlinePool"/>), on the
    /// hours left after the minute-scale queues' handling work (not after their coverage, whose idle time is theirs): a
    /// site's moderators are one blended pool, and a supervisor moves them to the work due first. Each queue's allocated
    /// hours are the work it was served plus its share of the idle hours (in proportion to need).
    /// </summary>
    private static IEnumerable<(int Index, IEnumerable<QueueDayPlan> Days)> Pooled(
        int[] members, IReadOnlyList<QueueDemand> demands, QueueNeeds[] needs, Dictionary<(string, DateOnly), SiteLoad> load,
        Dictionary<(string, DateOnly), double> scheduled, PlanningTargets targets)
    {
        var site = demands[members[0]].Site;
        var days = members.SelectMany(i => demands[i].Days.Select(d => d.Day)).Distinct().Order().ToArray();
        var perScheduled = targets.ScheduledPerHandlingHour;
        var capacity = days.Select(day => Math.Max(0.0, scheduled.GetValueOrDefault((site, day)) - load[(site, day)].RealTime) / perScheduled).ToArray();
        var pool = members.Select(i =>
        {
            var work = demands[i].Days.ToDictionary(d => d.Day, d => d.WorkHours);
            return new PoolQueue(demands[i].SlaHours, [.. days.Select(day => work.GetValueOrDefault(day))], demands[i].InitialBacklog);
        }).ToArray();
        var outcomes = DeadlinePool.Run(days, capacity, pool);
        for (var m = 0; m < members.Length; m++)
        {
            var demand = demands[members[m]];
            var need = needs[members[m]].Scheduled;
            var byDay = outcomes[m].ToDictionary(o => o.Day);
            yield return (members[m], demand.Days.Select((d, k) =>
            {
                var o = byDay[d.Day];
                return new QueueDayPlan(demand.Site, demand.Queue, d.Day, QueueModel.Fluid, d.Volume, o.Work, need[k], o.Capacity * perScheduled,
                    o.Backlog, o.Attainment, o.Extra * perScheduled, o.Attainment < targets.SlaAttainment, null);
            }).ToArray());
        }
    }

    /// <summary>A queue's need each day; a minute-scale queue's days are its site's pooled days.</summary>
    private sealed record QueueNeeds(QueueModel Model, double[] Scheduled, RealTimePool.PooledDay[] Pools);

    private static bool IsMinuteScale(QueueDemand demand, PlanningTargets targets) => demand.SlaHours <= targets.MinuteScaleSlaHours;

    private static QueueNeeds Needs(QueueDemand demand, Dictionary<(string Site, DateOnly Day), RealTimePool.PooledDay> pools, PlanningTargets targets)
    {
        if (!IsMinuteScale(demand, targets))
        {
            return new QueueNeeds(QueueModel.Fluid, [.. demand.Days.Select(d => d.WorkHours * targets.ScheduledPerHandlingHour)], []);
        }

        var mine = demand.Days.Select(d => pools[(demand.Site, d.Day)]).ToArray();
        return new QueueNeeds(QueueModel.Erlang, [.. demand.Days.Select((d, k) => RealTimePool.Share(d, mine[k]))], mine);
    }

    private static IEnumerable<QueueDayPlan> Live(QueueDemand demand, QueueNeeds needs, double[] allocated, PlanningTargets targets)
    {
        // Every queue of a pool gets the same fraction of its need, so the pool's attainment is each queue's.
        return demand.Days.Select((d, k) =>
        {
            var pool = needs.Pools[k];
            var fraction = needs.Scheduled[k] <= 0 ? 1.0 : allocated[k] / needs.Scheduled[k];
            var attainment = MinuteScaleStaffing.Attainment(pool.Demand, pool.Shares, pool.SlaHours, targets, fraction);
            return new QueueDayPlan(
                demand.Site, demand.Queue, d.Day, QueueModel.Erlang, d.Volume, d.WorkHours, needs.Scheduled[k], allocated[k],
                0.0, attainment, Math.Max(0.0, needs.Scheduled[k] - allocated[k]), attainment < targets.SlaAttainment, pool.Abandoned);
        });
    }

    private static void Checked(QueueDemand demand)
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
    }
}
