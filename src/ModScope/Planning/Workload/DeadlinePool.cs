namespace ModScope.Planning.Workload;

/// <summary>
/// A site's deadline queues served as one pool, earliest deadline first: a fluid model in hour steps (Newell's
/// cumulative curves, with the site's moderators as one blended server instead of a fixed share per queue). Each day's work of a queue arrives evenly over its 24 hours and each hour's arrivals are due at the
/// end of the hour ⌈SLA⌉ hours later (the SLA rounded up to whole hours); the day's capacity is spread evenly over its
/// hours and, each hour, serves the waiting work with the earliest deadline first (equal deadlines in proportion to what
/// is left). Work still unserved at the end of its deadline hour is late. Two runs: with the capacity alone (the backlog
/// carried, late work served later: attainment, backlog, past due) and with the capacity plus an extra that serves late
/// work at its deadline (the least extra that keeps every deadline, added as late as possible).
/// </summary>
public static class DeadlinePool
{
    private const int Hours = 24;

    /// <summary>
    /// Runs the pool over the consecutive <paramref name="days"/>.
    /// </summary>
    /// <param name="days">The pool's days, consecutive, in order.</param>
    /// <param name="capacity">Handling hours the pool can do each day (aligned with <paramref name="days"/>).</param>
    /// <param name="queues">The queues: SLA, handling hours arriving each day (aligned with <paramref name="days"/>), and
    /// work waiting before the first day (arrived evenly over the day before).</param>
    /// <returns>Per queue (in order), per day: the outcome. <see cref="FluidOutcome.Capacity"/> is the queue's share of
    /// the day: the work it was served, and the day's idle capacity shared in proportion to the day's arrivals.</returns>
    public static IReadOnlyList<IReadOnlyList<FluidOutcome>> Run(IReadOnlyList<DateOnly> days, IReadOnlyList<double> capacity, IReadOnlyList<PoolQueue> queues)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(capacity);
        ArgumentNullException.ThrowIfNull(queues);
        Check(days, capacity, queues);
        var plain = Simulate(days.Count, capacity, queues, withExtra: false);
        var kept = Simulate(days.Count, capacity, queues, withExtra: true);
        var idle = Enumerable.Range(0, days.Count).Select(d => Math.Max(0.0, capacity[d] - plain.Served.Sum(s => s[d]))).ToArray();
        var arrivals = Enumerable.Range(0, days.Count).Select(d => queues.Sum(x => x.Work[d])).ToArray();
        var outcomes = new List<IReadOnlyList<FluidOutcome>>(queues.Count);
        for (var q = 0; q < queues.Count; q++)
        {
            var list = new FluidOutcome[days.Count];
            for (var d = 0; d < days.Count; d++)
            {
                var share = arrivals[d] > 0 ? idle[d] * queues[q].Work[d] / arrivals[d] : 0.0;
                list[d] = new FluidOutcome(days[d], queues[q].Work[d], plain.Served[q][d] + share, plain.Served[q][d], plain.Backlog[q][d],
                    plain.PastDue[q][d], plain.Due[q][d], plain.Late[q][d], kept.Extra[q][d]);
            }

            outcomes.Add(list);
        }

        return outcomes;
    }

    private sealed record Runs(double[][] Served, double[][] Backlog, double[][] PastDue, double[][] Due, double[][] Late, double[][] Extra);

    private static Runs Simulate(int dayCount, IReadOnlyList<double> capacity, IReadOnlyList<PoolQueue> queues, bool withExtra)
    {
        double[][] New() => [.. queues.Select(_ => new double[dayCount])];
        var runs = new Runs(New(), New(), New(), New(), New(), New());
        // Chunks of work per queue in arrival order (so in deadline order: one SLA per queue): arrival hour, deadline
        // hour (the end of which it is due by), amount; hours count from the first day's midnight, the backlog's are negative.
        var chunks = queues.Select(q => Chunks(q, dayCount)).ToArray();
        var left = chunks.Select(c => c.Select(x => x.Amount).ToArray()).ToArray();
        var head = new int[queues.Count];     // first chunk not fully served
        var arrived = new int[queues.Count];  // chunks arrived so far
        var checkedUp = new int[queues.Count]; // chunks whose deadline has passed
        var totalArrived = new double[queues.Count];
        var totalServed = new double[queues.Count];
        for (var hour = 0; hour < dayCount * Hours; hour++)
        {
            var day = hour / Hours;
            for (var q = 0; q < queues.Count; q++)
            {
                while (arrived[q] < chunks[q].Length && chunks[q][arrived[q]].Arrival <= hour)
                {
                    totalArrived[q] += chunks[q][arrived[q]].Amount;
                    arrived[q]++;
                }
            }

            if (!ServeAll(capacity[day] / Hours, left, head, arrived, runs.Served, totalServed, day))
            {
                Serve(capacity[day] / Hours, chunks, left, head, arrived, runs.Served, totalServed, day);
            }
            for (var q = 0; q < queues.Count; q++)
            {
                while (checkedUp[q] < arrived[q] && chunks[q][checkedUp[q]].Deadline <= hour)
                {
                    var k = checkedUp[q]++;
                    runs.Due[q][day] += chunks[q][k].Amount;
                    runs.Late[q][day] += left[q][k];
                    if (withExtra && left[q][k] > 0)
                    {
                        runs.Extra[q][day] += left[q][k];
                        totalServed[q] += left[q][k];
                        left[q][k] = 0;
                    }
                }

                while (head[q] < arrived[q] && left[q][head[q]] <= 0)
                {
                    head[q]++;
                }
            }

            if (hour % Hours == Hours - 1)
            {
                for (var q = 0; q < queues.Count; q++)
                {
                    runs.Backlog[q][day] = Math.Max(0.0, totalArrived[q] - totalServed[q]);
                    var pastDue = 0.0;
                    for (var k = head[q]; k < checkedUp[q]; k++)
                    {
                        pastDue += left[q][k];
                    }

                    runs.PastDue[q][day] = pastDue;
                }
            }
        }

        return runs;
    }

    /// <summary>When the hour's capacity covers all the waiting work (the usual hour), serves it all and says so; the order does not matter then.</summary>
    private static bool ServeAll(double capacity, double[][] left, int[] head, int[] arrived, double[][] served, double[] totalServed, int day)
    {
        var waiting = 0.0;
        for (var q = 0; q < left.Length; q++)
        {
            for (var k = head[q]; k < arrived[q]; k++)
            {
                waiting += left[q][k];
            }
        }

        if (waiting > capacity)
        {
            return false;
        }

        for (var q = 0; q < left.Length; q++)
        {
            for (var k = head[q]; k < arrived[q]; k++)
            {
                served[q][day] += left[q][k];
                totalServed[q] += left[q][k];
                left[q][k] = 0.0;
            }

            head[q] = arrived[q];
        }

        return true;
    }

    /// <summary>One hour's capacity over the arrived work, earliest deadline first, equal deadlines in proportion to what is left.</summary>
    private static void Serve(double capacity, (int Arrival, int Deadline, double Amount)[][] chunks, double[][] left, int[] head, int[] arrived, double[][] served, double[] totalServed, int day)
    {
        var group = new List<int>();
        while (capacity > 1e-12)
        {
            group.Clear();
            var earliest = int.MaxValue;
            for (var q = 0; q < chunks.Length; q++)
            {
                while (head[q] < arrived[q] && left[q][head[q]] <= 0)
                {
                    head[q]++;
                }

                if (head[q] >= arrived[q])
                {
                    continue;
                }

                var deadline = chunks[q][head[q]].Deadline;
                if (deadline < earliest)
                {
                    earliest = deadline;
                    group.Clear();
                }

                if (deadline == earliest)
                {
                    group.Add(q);
                }
            }

            if (group.Count == 0)
            {
                return;
            }

            var waiting = group.Sum(q => left[q][head[q]]);
            var fraction = Math.Min(1.0, capacity / waiting);
            foreach (var q in group)
            {
                var amount = fraction >= 1.0 ? left[q][head[q]] : left[q][head[q]] * fraction;
                left[q][head[q]] = fraction >= 1.0 ? 0.0 : left[q][head[q]] - amount;
                served[q][day] += amount;
                totalServed[q] += amount;
            }

            capacity -= fraction >= 1.0 ? waiting : capacity;
        }
    }

    private static (int Arrival, int Deadline, double Amount)[] Chunks(PoolQueue queue, int dayCount)
    {
        var sla = (int)Math.Ceiling(queue.SlaHours);
        var list = new List<(int, int, double)>((dayCount + 1) * Hours);
        if (queue.InitialBacklog > 0)
        {
            for (var hour = -Hours; hour < 0; hour++)
            {
                list.Add((hour, hour + sla, queue.InitialBacklog / Hours));
            }
        }

        for (var day = 0; day < dayCount; day++)
        {
            for (var h = 0; h < Hours; h++)
            {
                var hour = (day * Hours) + h;
                list.Add((hour, hour + sla, queue.Work[day] / Hours));
            }
        }

        return [.. list];
    }

    private static void Check(IReadOnlyList<DateOnly> days, IReadOnlyList<double> capacity, IReadOnlyList<PoolQueue> queues)
    {
        if (capacity.Count != days.Count)
        {
            throw new ArgumentException($"Capacity has {capacity.Count} days for {days.Count} days of the pool.", nameof(capacity));
        }

        for (var d = 0; d < days.Count; d++)
        {
            if (d > 0 && days[d] != days[d - 1].AddDays(1))
            {
                throw new ArgumentException($"Days must be consecutive: {days[d]:yyyy-MM-dd} follows {days[d - 1]:yyyy-MM-dd}.", nameof(days));
            }

            if (!(capacity[d] >= 0) || double.IsInfinity(capacity[d]))
            {
                throw new ArgumentException($"Day {days[d]:yyyy-MM-dd}: capacity ({capacity[d]}) must be finite and not negative.", nameof(capacity));
            }
        }

        foreach (var queue in queues)
        {
            ArgumentNullException.ThrowIfNull(queue);
            if (!(queue.SlaHours > 0) || double.IsInfinity(queue.SlaHours))
            {
                throw new ArgumentException($"The SLA must be a positive number of hours (got {queue.SlaHours}).", nameof(queues));
            }

            if (queue.Work.Count != days.Count || queue.Work.Any(w => !(w >= 0) || double.IsInfinity(w)) || !(queue.InitialBacklog >= 0) || double.IsInfinity(queue.InitialBacklog))
            {
                throw new ArgumentException($"Each queue needs {days.Count} days of finite, non-negative work and a finite, non-negative backlog.", nameof(queues));
            }
        }
    }
}
