using ModScope.Model;
using ModScope.Monitor.Calendar;
using ModScope.Planning.Forecasting;
using ModScope.Planning.Workload;
using ModScope.Query;

namespace ModScope.Planning;

/// <summary>
/// Makes a staffing plan from the store: human volume forecast per site × queue, each pair's mean handling time and
/// the items open at the last day (the backlog carried in) over the recent weeks, the queue's SLA from the reference
/// data, and each site's scheduled hours ahead taken as its mean on the same weekday over the recent weeks (a roster
/// repeats weekly; staffing files hold worked days only), leaving out the days inside a calendar event's window in the
/// site's markets (a roster raised for a peak is not the usual one; the forecast models those days as events too).
/// Then <see cref="WorkloadPlanner"/> at the targets.
/// </summary>
public sealed class PlanBuilder(PlanningReader reader, SeriesForecasts forecasts, PlanningMetrics metrics)
{
    /// <summary>Recent days whose handling times, rosters and costs stand for the weeks ahead.</summary>
    public const int RecentDays = 28;

    private static readonly string[] SiteQueue = ["site", "queue"];

    public async Task<PlanOutcome> BuildAsync(IReadOnlyList<DimensionFilter> filters, ForecastSettings settings, PlanningTargets targets, DateOnly? asOf,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        targets.Validated();
        var volumes = await forecasts.ForecastAsync(metrics.HumanVolume, SiteQueue, filters, settings, asOf, cancellationToken).ConfigureAwait(false);
        var last = volumes.LastDay;
        var first = last.AddDays(1 - RecentDays);
        var recent = await reader.RunAsync([metrics.HandlingTime], SiteQueue, TimeGrain.None, filters, first, last, cancellationToken).ConfigureAwait(false);
        var lastDay = await reader.RunAsync([metrics.Roles.Backlog], SiteQueue, TimeGrain.None, filters, last, last, cancellationToken).ConfigureAwait(false);
        var handling = recent.Where(r => r.Value > 0).ToDictionary(r => PlanningReader.Key(r, SiteQueue), r => r.Value!.Value, StringComparer.Ordinal);
        var open = lastDay.Where(r => r.Value > 0).ToDictionary(r => PlanningReader.Key(r, SiteQueue), r => r.Value!.Value, StringComparer.Ordinal);
        var staffing = await StaffingAsync(filters, first, last, cancellationToken).ConfigureAwait(false);
        var hourlyCost = HourlyCost(staffing);
        var capacity = Capacity(staffing.Days, first, last, settings.HorizonDays, EventDays(volumes, first, last));
        var sla = reader.Query.Reference.Current(last).Queues.ToDictionary(q => q.QueueId, q => q.SlaHours, StringComparer.Ordinal);

        List<QueueDemand> Demands(Func<ForecastPoint, double> volume) => volumes.Series
            .Where(s => sla.ContainsKey(s.Subject["queue"]))
            .Select(s =>
            {
                var key = $"{s.Subject["site"]}\u001f{s.Subject["queue"]}";
                var seconds = handling.GetValueOrDefault(key);
                return new QueueDemand(s.Subject["site"], s.Subject["queue"], sla[s.Subject["queue"]],
                    s.Forecast.Points.Select(p => new DemandDay(p.Day, volume(p), seconds)).ToArray(),
                    InitialBacklog: open.GetValueOrDefault(key) * seconds / 3600.0);
            }).ToList();

        // Workload sums need the expected value (the mean), not the median; the bounds plan the interval. The three plans
        // are independent (pure functions of their demands): on every core.
        using var step = PlanningTrace.Step("workload model (mean, lower, upper)");
        var plans = await Task.WhenAll(
            Task.Run(() => WorkloadPlanner.Plan(Demands(p => p.Mean), capacity, targets), cancellationToken),
            Task.Run(() => WorkloadPlanner.Plan(Demands(p => p.Lower), capacity, targets), cancellationToken),
            Task.Run(() => WorkloadPlanner.Plan(Demands(p => p.Upper), capacity, targets), cancellationToken)).ConfigureAwait(false);
        return new PlanOutcome(last, plans[0], plans[1], plans[2], hourlyCost, volumes, staffing.Days);
    }

    /// <summary>
    /// Each site's staffing over the recent days, read once for the plan and the opportunities: its productive and
    /// scheduled hours day by day (the roster ahead, site productivity) and its labour cost (the hourly cost).
    /// </summary>
    private async Task<Staffing> StaffingAsync(IReadOnlyList<DimensionFilter> filters, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var rows = await reader.RunAsync([metrics.LabourCost, metrics.Staffing], ["site"], TimeGrain.Day, filters, first, last, cancellationToken).ConfigureAwait(false);
        var days = rows.Where(r => r.Metric == metrics.Staffing && r.Bucket is not null)
            .Select(r => new SiteHours(r.Dimensions["site"] ?? "(none)", DateOnly.FromDateTime(r.Bucket!.Value), r.Numerator ?? 0.0, r.Denominator ?? 0.0))
            .ToList();
        var cost = rows.Where(r => r.Metric == metrics.LabourCost && r.Bucket is not null)
            .Select(r => (Site: r.Dimensions["site"] ?? "(none)", Cost: r.Numerator))
            .ToList();
        return new Staffing(days, cost);
    }

    /// <summary>Each site's labour cost per scheduled hour over the recent days (the sites with a cost and scheduled hours).</summary>
    private static Dictionary<string, double> HourlyCost(Staffing staffing)
    {
        // Summed day by day in date order; a site whose days have no cost at all has none (as one request over the span gives).
        var cost = staffing.Cost.Where(c => c.Cost is not null).GroupBy(c => c.Site, StringComparer.Ordinal)
            .Select(g => (g.Key, Sum: g.Sum(c => c.Cost!.Value)))
            .Where(c => c.Sum > 0)
            .ToDictionary(c => c.Key, c => c.Sum, StringComparer.Ordinal);
        // In site order, as the request by site returned them (the finder averages the costs in this order).
        return staffing.Days.GroupBy(d => d.Site, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Scheduled: g.Sum(d => d.Scheduled)))
            .Where(s => s.Scheduled > 0 && cost.ContainsKey(s.Key))
            .ToDictionary(s => s.Key, s => cost[s.Key] / s.Scheduled, StringComparer.Ordinal);
    }

    /// <summary>
    /// Scheduled hours per site on each day ahead: the site's mean over the recent days on the same weekday, those in
    /// <paramref name="eventDays"/> left out (<see cref="UsualRoster"/>).
    /// </summary>
    private static List<CapacityDay> Capacity(IReadOnlyList<SiteHours> days, DateOnly first, DateOnly last, int horizon,
        IReadOnlyDictionary<string, HashSet<DateOnly>> eventDays)
    {
        var capacity = new List<CapacityDay>();
        foreach (var site in days.GroupBy(d => d.Site, StringComparer.Ordinal))
        {
            var scheduled = site.GroupBy(d => d.Day).ToDictionary(g => g.Key, g => g.Sum(d => d.Scheduled));
            var byWeekday = UsualRoster(scheduled, first, last, eventDays.GetValueOrDefault(site.Key) ?? []);
            for (var h = 1; h <= horizon; h++)
            {
                var day = last.AddDays(h);
                capacity.Add(new CapacityDay(site.Key, day, byWeekday[(int)day.DayOfWeek]));
            }
        }
        return capacity;
    }

    private sealed record Staffing(IReadOnlyList<SiteHours> Days, IReadOnlyList<(string Site, double? Cost)> Cost);

    /// <summary>
    /// A site's usual scheduled hours by weekday (index <see cref="DayOfWeek"/>): the mean over the days
    /// <paramref name="first"/>..<paramref name="last"/> of that weekday (a day without a row counts as none scheduled),
    /// the days in <paramref name="skip"/> left out, or all of the weekday's days when every one is skipped.
    /// </summary>
    internal static double[] UsualRoster(IReadOnlyDictionary<DateOnly, double> scheduled, DateOnly first, DateOnly last, IReadOnlySet<DateOnly> skip)
    {
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToArray();
        return Enumerable.Range(0, 7).Select(w =>
        {
            var weekday = days.Where(d => (int)d.DayOfWeek == w).ToArray();
            var usual = weekday.Where(d => !skip.Contains(d)).ToArray();
            var counted = usual.Length > 0 ? usual : weekday;
            return counted.Sum(d => scheduled.GetValueOrDefault(d)) / Math.Max(1, counted.Length);
        }).ToArray();
    }

    /// <summary>Each site's recent days inside the window of a calendar event its forecast series model (their queues' markets).</summary>
    private Dictionary<string, HashSet<DateOnly>> EventDays(ForecastSet volumes, DateOnly first, DateOnly last) =>
        EventDays(volumes.Series.Select(s => s.Subject), forecasts.Calendar, reader.Query.Reference, first, last);

    /// <summary>Each subject's site: the days of <paramref name="first"/>..<paramref name="last"/> inside the window of an event of its queue's market.</summary>
    internal static Dictionary<string, HashSet<DateOnly>> EventDays(IEnumerable<IReadOnlyDictionary<string, string>> subjects, EventCalendar calendar,
        ReferenceData reference, DateOnly first, DateOnly last)
    {
        var days = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
        foreach (var subject in subjects)
        {
            var site = subject["site"];
            if (!days.TryGetValue(site, out var set))
            {
                days[site] = set = [];
            }

            if (CalendarEvents.MarketOf(subject, reference) is not { } market)
            {
                continue;
            }

            foreach (var e in CalendarEvents.For(calendar, market))
            {
                for (var d = e.Start < first ? first : e.Start; d <= e.End && d <= last; d = d.AddDays(1))
                {
                    set.Add(d);
                }
            }
        }

        return days;
    }
}
