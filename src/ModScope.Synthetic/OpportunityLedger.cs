using System.Globalization;

namespace ModScope.Synthetic;

/// <summary>
/// Measures the planted opportunities' true sizes over the data's last 28 days (the window <c>modscope
/// opportunities</c> looks at), from what was generated: the slow site's productive hours, the over-sampled site's
/// strata (decisions, first audits in the data, and the hidden error share), the automation candidate's human
/// handling seconds, and the understaffed site's handling hours by weekday and market and scheduled hours by weekday
/// (for its shortfall on the coming peak's days).
/// </summary>
internal sealed class OpportunityLedger(OpportunityPlan plan, SimCalendar calendar)
{
    /// <summary>Days of the window, as the finder's (PlanBuilder.RecentDays).</summary>
    public const int WindowDays = 28;

    private readonly int _firstDay = Math.Max(0, calendar.Days - WindowDays);
    private readonly Dictionary<bool, (double Decisions, double Errors, double Audits)> _qa = [];
    private double _slowProductive;
    private double _candidateSeconds;
    private readonly Dictionary<(DayOfWeek Weekday, string Market, double SlaHours), double> _understaffedHandling = [];
    private readonly (double Scheduled, int Days)[] _understaffedRoster = new (double, int)[7];

    public void Record(int day, IReadOnlyList<SimDecision> decisions, IReadOnlyList<StaffingRow> roster, IReadOnlyList<AuditRow> audits)
    {
        if (day < _firstDay)
        {
            return;
        }

        _slowProductive += roster.Where(r => r.Site == plan.SlowSite).Sum(r => r.ProductiveHours);
        _candidateSeconds += decisions.Where(d => d.Site is not null && plan.IsCell(d.Policy.Id, d.Queue.QueueId)).Sum(d => d.HandlingSeconds);
        // A sized peak's days are left out: they are not the weekday's usual work or roster.
        if (plan.UnderstaffedSite is { } understaffed && !calendar.IsPeak(day))
        {
            var weekday = calendar.DateOf(day).DayOfWeek;
            foreach (var d in decisions.Where(d => d.Site?.Id == understaffed))
            {
                var key = (weekday, d.Market.Code, d.Queue.SlaHours);
                _understaffedHandling[key] = _understaffedHandling.GetValueOrDefault(key) + (d.HandlingSeconds / 3600.0);
            }

            var (scheduled, days) = _understaffedRoster[(int)weekday];
            _understaffedRoster[(int)weekday] = (scheduled + roster.Where(r => r.Site == understaffed).Sum(r => r.ScheduledHours), days + 1);
        }

        foreach (var d in decisions.Where(d => d.Site?.Id == plan.QaSite))
        {
            var (n, e, a) = _qa.GetValueOrDefault(d.IsEnforcement);
            _qa[d.IsEnforcement] = (n + 1, e + (d.Error == LatentError.None ? 0 : 1), a);
        }

        var first = calendar.DateOf(_firstDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var audit in audits.Where(a => a.AuditId.EndsWith("-1", StringComparison.Ordinal)))
        {
            var parts = audit.Stratum.Split('|');
            if (parts[1] == plan.QaSite && string.CompareOrdinal(parts[0], first) >= 0)
            {
                var enforce = parts[2] == "enforce";
                var (n, e, a) = _qa.GetValueOrDefault(enforce);
                _qa[enforce] = (n, e, a + 1);
            }
        }
    }

    /// <summary>The planted opportunities with their sizes a week; none when nothing was planted.</summary>
    public IReadOnlyList<PlantedOpportunity> Describe()
    {
        var (first, last) = (calendar.DateOf(_firstDay), calendar.DateOf(calendar.Days - 1));
        var weeks = (calendar.Days - _firstDay) / 7.0;
        var found = new List<PlantedOpportunity>();
        if (plan.SlowSite is { } slow)
        {
            found.Add(new PlantedOpportunity(Id(found), "site-productivity", new Dictionary<string, string> { ["site"] = slow },
                _slowProductive * (1 - (1 / OpportunityPlan.SlowFactor)) / weeks, "productive_hours", first, last,
                string.Create(CultureInfo.InvariantCulture,
                    $"{slow} handles every item {(OpportunityPlan.SlowFactor - 1) * 100:0}% slower than its peers on the same object types; worth the productive hours it would save at their speed.")));
        }

        if (plan.QaSite is { } site && _qa.Count == 2 && _qa.Values.All(s => s.Audits > 0))
        {
            found.Add(new PlantedOpportunity(Id(found), "qa-sampling", new Dictionary<string, string> { ["site"] = site },
                NeymanSaving(_qa[true], _qa[false]) / weeks, "audits", first, last,
                $"{site} audits {OpportunityPlan.QaOverSampling} times as many enforcements a day as other sites; " +
                "worth the audits Neyman allocation saves at the same precision (true error shares)."));
        }

        if (plan is { AutomatedPolicy: { } policy, AutomatedQueue: { } queue })
        {
            found.Add(new PlantedOpportunity(Id(found), "automation", new Dictionary<string, string> { ["policy"] = policy, ["queue"] = queue },
                _candidateSeconds / 3600.0 / weeks, "handling_hours", first, last,
                string.Create(CultureInfo.InvariantCulture,
                    $"Automated {policy} decisions on {queue} err {OpportunityPlan.AutomatedErrorFactor:0.0#} times as often as the model elsewhere (fewer than humans) and at least {OpportunityPlan.AutomationAudits} a day per enforce/approve stratum are audited; worth the human handling hours automation would take over.")));
        }

        if (plan.UnderstaffedSite is { } understaffed && PeakShortfall() is { } peak)
        {
            found.Add(new PlantedOpportunity(Id(found), "sla-risk", new Dictionary<string, string> { ["site"] = understaffed },
                peak.Hours / (WindowDays / 7.0), "scheduled_hours", first, last,
                string.Create(CultureInfo.InvariantCulture,
                    $"{understaffed} rosters {OpportunityPlan.UnderstaffedHours:0.00} scheduled hours per handling hour ({OpportunityPlan.UnderstaffedMargin:0%} above the planning targets), enough for usual days but not for the peak of {peak.First:yyyy-MM-dd}..{peak.Last:yyyy-MM-dd} after the data; to keep every SLA at the planning targets ({OpportunityPlan.Targets.Occupancy:0%} occupancy, {OpportunityPlan.Targets.Shrinkage:0%} shrinkage) it needs {peak.Hours:0.0} extra scheduled hours over the {WindowDays} days ahead; worth a week of them.")));
        }

        return found;
    }

    /// <summary>
    /// The understaffed site's extra scheduled hours that keep every item within its queue's SLA over the
    /// <see cref="WindowDays"/> days after the data (the plan horizon of <c>modscope eval --opportunities</c>), its roster
    /// repeating the window's weeks through the sized peak in them. Work: each weekday's mean handling hours over the window (peak days
    /// left out) by market and SLA, times the calendar's factor that the generator would plant on the day
    /// (<see cref="SimCalendar.PeakFactor"/>), arriving evenly through the day, each hour's due SLA hours later. Capacity:
    /// the weekday's mean scheduled hours at the planning targets (× occupancy · (1 − shrinkage)), evenly through the day.
    /// One pool for the site, earliest deadline first, hour by hour: each hour's capacity serves the waiting work with
    /// the earliest deadline, and work still waiting at its deadline is done by extra hours (latest, so the fewest). The sum, in
    /// scheduled hours, is the size; a week of it is the sum over <see cref="WindowDays"/> / 7 weeks, as the finder spreads
    /// its horizon's extra. Null when no sized peak falls in those days (the data cover it, or it is further ahead).
    /// </summary>
    private (double Hours, DateOnly First, DateOnly Last)? PeakShortfall()
    {
        var horizon = Enumerable.Range(calendar.Days, WindowDays).Select(calendar.DateOf).ToArray();
        var peak = horizon.Where(SimCalendar.IsPeak).ToArray();
        if (peak.Length == 0)
        {
            return null;
        }

        var targets = OpportunityPlan.Targets.Occupancy * (1 - OpportunityPlan.Targets.Shrinkage);
        var hours = horizon.Length * 24;
        var classes = _understaffedHandling.Keys.Select(k => k.SlaHours).Distinct().ToArray();
        var arrivals = classes.ToDictionary(c => c, _ => new double[hours]);
        var capacity = new double[hours];
        for (var day = 0; day < horizon.Length; day++)
        {
            var (scheduled, days) = _understaffedRoster[(int)horizon[day].DayOfWeek];
            if (days == 0)
            {
                continue;
            }

            for (var hour = 0; hour < 24; hour++)
            {
                capacity[(day * 24) + hour] = scheduled / days * targets / 24.0;
            }

            foreach (var ((weekday, market, sla), handling) in _understaffedHandling.Where(kv => kv.Key.Weekday == horizon[day].DayOfWeek))
            {
                var work = handling / days * SimCalendar.PeakFactor(horizon[day], market) / 24.0;
                for (var hour = 0; hour < 24; hour++)
                {
                    arrivals[sla][(day * 24) + hour] += work;
                }
            }
        }

        // An hour's arrivals are due by the end of the hour SLA hours later (whole hours: the SLAs are 1-72 hours). Each
        // hour's capacity goes to the waiting work with the earliest deadline; work still waiting at the end of its
        // deadline hour is done by extra hours. (Not the site's cumulative work due against its cumulative work served:
        // that credits work with a later deadline served early in a quiet hour against work due now, and can under-count.)
        var deadline = classes.ToDictionary(c => c, c => (int)Math.Ceiling(c));
        var left = classes.ToDictionary(c => c, c => (double[])arrivals[c].Clone());
        var extra = 0.0;
        for (var hour = 0; hour < hours; hour++)
        {
            var free = capacity[hour];
            var waiting = classes.SelectMany(c => Enumerable.Range(Math.Max(0, hour - deadline[c]), Math.Min(hour, deadline[c]) + 1).Select(from => (Class: c, From: from)))
                .Where(w => left[w.Class][w.From] > 0).OrderBy(w => w.From + deadline[w.Class]);
            foreach (var (c, from) in waiting)
            {
                var done = Math.Min(free, left[c][from]);
                left[c][from] -= done;
                free -= done;
                if (free <= 0)
                {
                    break;
                }
            }

            foreach (var c in classes.Where(c => hour - deadline[c] >= 0))
            {
                extra += left[c][hour - deadline[c]];
                left[c][hour - deadline[c]] = 0.0;
            }
        }

        return (extra / targets, peak[0], peak[^1]);
    }

    private static string Id(List<PlantedOpportunity> found) => string.Create(CultureInfo.InvariantCulture, $"OPP-{found.Count + 1:00}");

    /// <summary>
    /// Audits saved by Neyman allocation at the current variance (Cochran 1977, 5.25, with the finite population
    /// correction), with each stratum's spread from its true error share: V = Σ W²S²/n (1 − n/N),
    /// n* = (Σ W S)² / (V + Σ W S²/N); none saved when no stratum has an error (every spread is 0).
    /// </summary>
    private static double NeymanSaving(params (double Decisions, double Errors, double Audits)[] strata)
    {
        var population = strata.Sum(s => s.Decisions);
        var (sumWs, sumWss, variance) = (0.0, 0.0, 0.0);
        foreach (var (n, errors, audits) in strata)
        {
            var w = n / population;
            var p = errors / n;
            var spread = Math.Sqrt(p * (1 - p));
            sumWs += w * spread;
            sumWss += w * spread * spread;
            variance += w * w * spread * spread / audits * (1 - (audits / n));
        }

        var floor = variance + (sumWss / population);
        return floor > 0 ? strata.Sum(s => s.Audits) - (sumWs * sumWs / floor) : 0.0;
    }
}
