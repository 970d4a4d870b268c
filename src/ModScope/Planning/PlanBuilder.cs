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
        var hourlyCost = await HourlyCostAsync(filters, first, last, cancellationToken).ConfigureAwait(false);
        var capacity = await CapacityAsync(filters, first, last, settings.HorizonDays, EventDays(volumes, first, last), cancellationToken).ConfigureAwait(false);
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

        // Workload sums need the expected value (the mean), not the median; the bounds plan the interval.
        return new PlanOutcome(
            last,
            WorkloadPlanner.Plan(Demands(p => p.Mean), capacity, targets),
            WorkloadPlanner.Plan(Demands(p => p.Lower), capacity, targets),
            WorkloadPlanner.Plan(Demands(p => p.Upper), capacity, targets),
            hourlyCost,
            volumes);
    }

    /// <summary>Each site's labour cost per scheduled hour over the recent days.</summary>
    public async Task<IReadOnlyDictionary<string, double>> HourlyCostAsync(IReadOnlyList<DimensionFilter> filters, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var rows = await reader.RunAsync([metrics.LabourCost, metrics.Staffing], ["site"], TimeGrain.None, filters, first, last, cancellationToken).ConfigureAwait(false);
        var cost = rows.Where(r => r.Metric == metrics.LabourCost && r.Numerator > 0).ToDictionary(r => r.Dimensions["site"] ?? "(none)", r => r.Numerator!.Value, StringComparer.Ordinal);
        return rows.Where(r => r.Metric == metrics.Staffing && r.Denominator > 0 && cost.ContainsKey(r.Dimensions["site"] ?? "(none)"))
            .ToDictionary(r => r.Dimensions["site"] ?? "(none)", r => cost[r.Dimensions["site"] ?? "(none)"] / r.Denominator!.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Scheduled hours per site on each day ahead: the site's mean over the recent days on the same weekday, those in
    /// <paramref name="eventDays"/> left out (<see cref="UsualRoster"/>).
    /// </summary>
    private async Task<List<CapacityDay>> CapacityAsync(IReadOnlyList<DimensionFilter> filters, DateOnly first, DateOnly last, int horizon,
        IReadOnlyDictionary<string, HashSet<DateOnly>> eventDays, CancellationToken cancellationToken)
    {
        var rows = await reader.RunAsync([metrics.Staffing], ["site"], TimeGrain.Day, filters, first, last, cancellationToken).ConfigureAwait(false);
        var capacity = new List<CapacityDay>();
        foreach (var site in rows.Where(r => r.Bucket is not null).GroupBy(r => r.Dimensions["site"] ?? "(none)", StringComparer.Ordinal))
        {
            var scheduled = site.GroupBy(r => DateOnly.FromDateTime(r.Bucket!.Value)).ToDictionary(g => g.Key, g => g.Sum(r => r.Denominator ?? 0.0));
            var byWeekday = UsualRoster(scheduled, first, last, eventDays.GetValueOrDefault(site.Key) ?? []);
            for (var h = 1; h <= horizon; h++)
            {
                var day = last.AddDays(h);
                capacity.Add(new CapacityDay(site.Key, day, byWeekday[(int)day.DayOfWeek]));
            }
        }
        return capacity;
    }

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
