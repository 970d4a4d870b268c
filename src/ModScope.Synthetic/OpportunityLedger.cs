using System.Globalization;

namespace ModScope.Synthetic;

/// <summary>
/// Measures the planted opportunities' true sizes over the data's last 28 days (the window <c>modscope
/// opportunities</c> looks at), from what was generated: the slow site's productive hours, the over-sampled site's
/// strata (decisions, first audits in the data, and the hidden error share), the automation candidate's human
/// handling seconds, and the understaffed site's handling and scheduled hours by weekday.
/// </summary>
internal sealed class OpportunityLedger(OpportunityPlan plan, SimCalendar calendar)
{
    /// <summary>Days of the window, as the finder's (PlanBuilder.RecentDays).</summary>
    public const int WindowDays = 28;

    private readonly int _firstDay = Math.Max(0, calendar.Days - WindowDays);
    private readonly Dictionary<bool, (double Decisions, double Errors, double Audits)> _qa = [];
    private double _slowProductive;
    private double _candidateSeconds;
    private readonly (double Handling, double Scheduled, int Days)[] _understaffed = new (double, double, int)[7];

    /// <summary>The planning targets' occupancy and shrinkage (the defaults of <c>modscope plan</c>).</summary>
    private const double TargetOccupancy = 0.85;
    private const double TargetShrinkage = 0.20;

    public void Record(int day, IReadOnlyList<SimDecision> decisions, IReadOnlyList<StaffingRow> roster, IReadOnlyList<AuditRow> audits)
    {
        if (day < _firstDay)
        {
            return;
        }

        _slowProductive += roster.Where(r => r.Site == plan.SlowSite).Sum(r => r.ProductiveHours);
        _candidateSeconds += decisions.Where(d => d.Site is not null && plan.IsCell(d.Policy.Id, d.Queue.QueueId)).Sum(d => d.HandlingSeconds);
        // The 11.11 peak's days are left out: a plan forecasts a seen peak as an event, not as its weekday's usual work.
        if (plan.UnderstaffedSite is { } understaffed && !calendar.IsPeak(day))
        {
            var weekday = (int)calendar.DateOf(day).DayOfWeek;
            var (h, s, n) = _understaffed[weekday];
            _understaffed[weekday] = (h + (decisions.Where(d => d.Site?.Id == understaffed).Sum(d => d.HandlingSeconds) / 3600.0),
                s + roster.Where(r => r.Site == understaffed).Sum(r => r.ScheduledHours), n + 1);
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
                    $"Automated {policy} decisions on {queue} err {OpportunityPlan.AutomatedErrorFactor:0.0} times as often as the model elsewhere (fewer than humans) and at least {OpportunityPlan.AutomationAudits} a day per enforce/approve stratum are audited; worth the human handling hours automation would take over.")));
        }

        if (plan.UnderstaffedSite is { } understaffed)
        {
            found.Add(new PlantedOpportunity(Id(found), "sla-risk", new Dictionary<string, string> { ["site"] = understaffed },
                Shortfall(), "scheduled_hours", first, last,
                string.Create(CultureInfo.InvariantCulture,
                    $"{understaffed} rosters {OpportunityPlan.UnderstaffedHours:0.00} scheduled hours per handling hour (shorter shifts, as many moderators), short of the planning targets ({TargetOccupancy:0%} occupancy, {TargetShrinkage:0%} shrinkage: {1 / (TargetOccupancy * (1 - TargetShrinkage)):0.00}); worth the scheduled hours a week it lacks.")));
        }

        return found;
    }

    /// <summary>
    /// The understaffed site's scheduled hours a week short of its work at the planning targets, weekday by weekday as a
    /// plan that repeats the recent weeks' roster sees them: Σ_weekday max(0, H̄ / (occupancy · (1 − shrinkage)) − S̄),
    /// H̄ and S̄ its mean handling and scheduled hours on that weekday in the window, the 11.11 peak's days left out. The
    /// window's own work stands for the weeks ahead (the generated volume has no trend), as the plan's forecast does.
    /// </summary>
    private double Shortfall() => _understaffed.Where(w => w.Days > 0)
        .Sum(w => Math.Max(0.0, (w.Handling / w.Days / (TargetOccupancy * (1 - TargetShrinkage))) - (w.Scheduled / w.Days)));

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
