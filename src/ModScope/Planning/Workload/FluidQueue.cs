namespace ModScope.Planning.Workload;

/// <summary>
/// A deterministic fluid model of a first-in-first-out queue with a deadline (Newell, Applications of Queueing Theory,
/// 1982, ch. 2): work arrives evenly through each day, the staff work through it in order, the backlog carries over, and
/// work arriving at time x is due at x + SLA. With cumulative arrivals W(x) and cumulative service S, at the end of day
/// d: S(d) = min(S(d−1) + C(d), W(d)); the work due by then is D(d) = W(d + 1 − s) (s = SLA in days, W linear inside a
/// day), the past-due backlog max(0, D − S), and of the work due that day (D(d) − D(d−1)) the late part is what FIFO
/// leaves undone, min(due, past due). The extra capacity that keeps nothing past due is found day by day, earliest
/// first: E(d) = max(0, D(d) − S(d−1) − C(d)) with the extras of earlier days already served.
/// </summary>
public static class FluidQueue
{
    /// <summary>Runs the queue over <paramref name="days"/> (consecutive, in order) with deadline <paramref name="slaHours"/>.</summary>
    /// <param name="days">Work and capacity per day.</param>
    /// <param name="slaHours">Hours from arrival to deadline.</param>
    /// <param name="initialBacklog">Work waiting before the first day; it counts as having arrived evenly over the day before.</param>
    public static IReadOnlyList<FluidOutcome> Run(IReadOnlyList<FluidDay> days, double slaHours, double initialBacklog = 0)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (!(slaHours > 0) || double.IsInfinity(slaHours))
        {
            throw new ArgumentOutOfRangeException(nameof(slaHours), slaHours, "The SLA must be a positive number of hours.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(initialBacklog);
        for (var i = 0; i < days.Count; i++)
        {
            if (!(days[i].Work >= 0) || !(days[i].Capacity >= 0) || double.IsInfinity(days[i].Work) || double.IsInfinity(days[i].Capacity))
            {
                throw new ArgumentException($"Day {days[i].Day:yyyy-MM-dd}: work ({days[i].Work}) and capacity ({days[i].Capacity}) must be finite and not negative.", nameof(days));
            }

            if (i > 0 && days[i].Day != days[i - 1].Day.AddDays(1))
            {
                throw new ArgumentException($"Days must be consecutive: {days[i].Day:yyyy-MM-dd} follows {days[i - 1].Day:yyyy-MM-dd}.", nameof(days));
            }
        }

        var arrivals = new[] { initialBacklog }.Concat(days.Select(d => d.Work)).ToArray();
        var s = slaHours / 24.0;
        var outcomes = new List<FluidOutcome>(days.Count);
        var (served, servedWithExtra, dueBefore) = (0.0, 0.0, Arrived(arrivals, 1.0 - s));
        for (var d = 0; d < days.Count; d++)
        {
            // Time in days from the start of the day before the first; day d ends at d + 2.
            var arrived = Arrived(arrivals, d + 2.0);
            var due = Arrived(arrivals, d + 2.0 - s);
            var servedBefore = served;
            served = Math.Min(served + days[d].Capacity, arrived);
            var extra = Math.Max(0.0, due - servedWithExtra - days[d].Capacity);
            servedWithExtra = Math.Min(servedWithExtra + days[d].Capacity + extra, arrived);
            var pastDue = Math.Max(0.0, due - served);
            var dueToday = Math.Max(0.0, due - dueBefore);
            outcomes.Add(new FluidOutcome(days[d].Day, days[d].Work, days[d].Capacity, served - servedBefore, arrived - served, pastDue, dueToday, Math.Min(dueToday, pastDue), extra));
            dueBefore = due;
        }

        return outcomes;
    }

    /// <summary>W(x): work arrived by time x (in days from the start of the initial-backlog day), linear inside each day.</summary>
    private static double Arrived(double[] arrivals, double x)
    {
        if (x <= 0)
        {
            return 0.0;
        }

        var whole = (int)Math.Floor(x);
        var total = 0.0;
        for (var i = 0; i < Math.Min(whole, arrivals.Length); i++)
        {
            total += arrivals[i];
        }

        if (whole < arrivals.Length)
        {
            total += (x - whole) * arrivals[whole];
        }

        return total;
    }
}
