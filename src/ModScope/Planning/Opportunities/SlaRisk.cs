using ModScope.Planning.Workload;

namespace ModScope.Planning.Opportunities;

/// <summary>
/// Sites whose forecast work breaks the SLA with their current staffing: from a plan over the forecast horizon, each
/// site with queue-days at risk is worth the extra scheduled hours a week that would keep every queue within its SLA
/// (the fluid model's carried backlog included), at the site's hourly cost. The interval is the same shortfall
/// planned from the forecast's lower and upper bounds. The deadline (fluid) queues and the minute-scale queues are
/// reported apart, as <see cref="OpportunityKind.SlaRisk"/> and <see cref="OpportunityKind.LiveCoverage"/>: a
/// minute-scale shortfall is round-the-clock coverage (someone on duty every hour) more than work, and would otherwise
/// rank above every deadline queue's shortfall.
/// </summary>
public static class SlaRisk
{
    /// <param name="plan">The plan from the point forecast.</param>
    /// <param name="low">The plan from the forecast's lower bounds (less work).</param>
    /// <param name="high">The plan from the forecast's upper bounds (more work).</param>
    /// <param name="hourlyCost">Hourly cost by site.</param>
    /// <param name="settings">Sizing settings.</param>
    public static IReadOnlyList<Opportunity> Find(WorkloadPlan plan, WorkloadPlan low, WorkloadPlan high, IReadOnlyDictionary<string, double> hourlyCost, OpportunitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        ArgumentNullException.ThrowIfNull(hourlyCost);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validated();
        var found = new List<Opportunity>();
        foreach (var site in plan.Queues.GroupBy(q => (q.Site, q.Model)))
        {
            var atRisk = site.Where(q => q.AtRisk).ToArray();
            if (atRisk.Length == 0)
            {
                continue;
            }

            var days = site.Select(q => q.Day).Distinct().Count();
            var weeks = days / 7.0;
            var extra = site.Sum(q => q.ExtraScheduled) / weeks;
            var bounds = new[] { Extra(low, site.Key) / weeks, Extra(high, site.Key) / weeks };
            var cost = hourlyCost.GetValueOrDefault(site.Key.Site);
            var queues = atRisk.Select(q => q.Queue).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var riskDays = atRisk.Select(q => q.Day).Distinct().Order().ToArray();
            var required = site.Sum(q => q.RequiredScheduled) / weeks;
            var allocated = site.Sum(q => q.AllocatedScheduled) / weeks;
            found.Add(new Opportunity(
                site.Key.Model == QueueModel.Erlang ? OpportunityKind.LiveCoverage : OpportunityKind.SlaRisk,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["site"] = site.Key.Site },
                new OpportunitySize(extra, Math.Min(extra, bounds.Min()), Math.Max(extra, bounds.Max()), SizeUnit.ScheduledHours),
                extra,
                extra * cost,
                [
                    new Evidence("days_at_risk", riskDays.Length),
                    new Evidence("horizon_days", days),
                    new Evidence("first_day_at_risk", Text: riskDays[0].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                    new Evidence("worst_attainment", atRisk.Min(q => q.Attainment)),
                    new Evidence("required_hours_per_week", required),
                    new Evidence("scheduled_hours_per_week", allocated),
                    new Evidence("queues_at_risk", queues.Length, string.Join(", ", queues)),
                    new Evidence("hourly_cost", cost),
                ]));
        }

        return OpportunityRanking.Rank(found);
    }

    private static double Extra(WorkloadPlan plan, (string Site, QueueModel Model) key) =>
        plan.Queues.Where(q => q.Site == key.Site && q.Model == key.Model).Sum(q => q.ExtraScheduled);
}
