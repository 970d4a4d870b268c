namespace ModScope.Tests.Query;

/// <summary>
/// Each core-index metric computed by hand from <see cref="PlainData"/>, written from the metric
/// definitions in shared DOMAIN.md, not from ModScope's SQL. A group is a predicate on decisions and one on
/// staffing rows; the window is [from, to) in UTC.
/// </summary>
public static class PlainMetrics
{
    private static readonly string[] Enforcement = ["restrict", "remove", "reject_listing", "suspend_seller"];

    public static double? Compute(string metric, PlainData data, DateTime from, DateTime to,
        Func<PlainData.Dec, bool> inGroup, Func<PlainData.Staff, bool> staffInGroup)
    {
        bool In(DateTime t) => t >= from && t < to;
        var decided = data.Decisions.Where(d => In(d.Decided) && inGroup(d)).ToList();
        var human = decided.Where(d => d.By == "human").ToList();
        var staff = data.Staffing.Where(s => In(s.Date) && staffInGroup(s)).ToList();
        double? Ratio(double n, double d) => d == 0 ? null : n / d;
        switch (metric)
        {
            case "decision_volume": return decided.Count;
            case "human_decision_volume": return human.Count;
            case "automation_rate": return Ratio(decided.Count(d => d.By == "automated"), decided.Count);
            case "enforcement_rate": return Ratio(decided.Count(d => Enforcement.Contains(d.Verdict)), decided.Count);
            case "proactive_detection_rate":
                var enforced = decided.Where(d => Enforcement.Contains(d.Verdict)).ToList();
                return Ratio(enforced.Count(d => d.Source == "proactive_model"), enforced.Count);
            case "tat_p50_hours": return Quantile(human.Select(d => (d.Decided - d.Created).TotalHours).ToList(), 0.5);
            case "tat_p90_hours": return Quantile(human.Select(d => (d.Decided - d.Created).TotalHours).ToList(), 0.9);
            case "sla_attainment": return Ratio(human.Count(d => (d.Decided - d.Created).TotalHours <= data.Sla[d.Queue]), human.Count);
            case "aht_seconds": return human.Count == 0 ? null : human.Average(d => d.Handling);
            case "handling_seconds_squared": return human.Count == 0 ? null : human.Sum(d => d.Handling * d.Handling);
            case "backlog_end_of_period":
                return data.Decisions.Count(d => d.By == "human" && inGroup(d) && d.Created < to && d.Decided >= to);
            case "qa_audit_volume": return data.Audits.Count(a => In(a.Audited) && inGroup(data.ById[a.DecisionId]));
            case "qa_accuracy": return Hajek(data, from, to, inGroup, _ => true, a => a.Error == "none");
            case "over_enforcement_rate": return Hajek(data, from, to, inGroup, d => Enforcement.Contains(d.Verdict), a => a.Error == "false_positive");
            case "under_enforcement_rate": return Hajek(data, from, to, inGroup, d => d.Verdict == "approve", a => a.Error == "false_negative");
            case "wrong_policy_rate": return Hajek(data, from, to, inGroup, _ => true, a => a.Error == "wrong_policy");
            case "qa_agreement_kappa": return Kappa(data, from, to, inGroup);
            case "appeal_rate":
                return Ratio(data.Appeals.Count(a => data.ById[a.DecisionId] is var d && In(d.Decided) && inGroup(d)),
                    decided.Count(d => Enforcement.Contains(d.Verdict)));
            case "appeal_overturn_rate":
                var cohort = data.Appeals.Where(a => data.ById[a.DecisionId] is var d && In(d.Decided) && inGroup(d) && a.Outcome is not null).ToList();
                return Ratio(cohort.Count(a => a.Outcome == "overturned"), cohort.Count);
            case "appeal_tat_p50_hours":
                return Quantile(data.Appeals.Where(a => a.Resolved is { } r && In(r) && inGroup(data.ById[a.DecisionId]))
                    .Select(a => (a.Resolved!.Value - a.Filed).TotalHours).ToList(), 0.5);
            // A sum over no staffing rows is no value (SQL's SUM of nothing is NULL), not zero.
            case "decisions_per_productive_hour": return staff.Count == 0 ? null : Ratio(human.Count, staff.Sum(s => s.Productive));
            case "utilisation": return staff.Count == 0 ? null : Ratio(staff.Sum(s => s.Productive), staff.Sum(s => s.Scheduled));
            case "cost_per_decision": return staff.Count == 0 ? null : Ratio(staff.Sum(s => s.Scheduled * s.Cost), human.Count);
            default: throw new ArgumentOutOfRangeException(nameof(metric), metric, "No plain computation.");
        }
    }

    /// <summary>Type-7 quantile (linear interpolation between order statistics), as DuckDB's quantile_cont.</summary>
    private static double? Quantile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return null;
        }
        values.Sort();
        var h = (values.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        return lo + 1 < values.Count ? values[lo] + (h - lo) * (values[lo + 1] - values[lo]) : values[lo];
    }

    /// <summary>Hájek estimator over the first audit of each decision: Σ w·success / Σ w·domain, w = N_h / n_h.</summary>
    private static double? Hajek(PlainData data, DateTime from, DateTime to, Func<PlainData.Dec, bool> inGroup,
        Func<PlainData.Dec, bool> domain, Func<PlainData.Audit, bool> success)
    {
        var firsts = data.Audits.GroupBy(a => a.DecisionId)
            .Select(g => g.OrderBy(a => a.Audited).ThenBy(a => a.Id, StringComparer.Ordinal).First())
            .Where(a => data.ById[a.DecisionId] is var d && d.Decided >= from && d.Decided < to && inGroup(d) && domain(d)).ToList();
        var weight = firsts.Sum(a => (double)a.Population / a.Sample);
        return weight == 0 ? null : firsts.Where(success).Sum(a => (double)a.Population / a.Sample) / weight;
    }

    /// <summary>Cohen's kappa on the first two audits of double-audited decisions: (Po − Pe) / (1 − Pe).</summary>
    private static double? Kappa(PlainData data, DateTime from, DateTime to, Func<PlainData.Dec, bool> inGroup)
    {
        var pairs = data.Audits.GroupBy(a => a.DecisionId).Where(g => g.Count() >= 2)
            .Where(g => data.ById[g.Key] is var d && d.Decided >= from && d.Decided < to && inGroup(d))
            .Select(g => g.OrderBy(a => a.Audited).ThenBy(a => a.Id, StringComparer.Ordinal).Take(2).Select(a => a.QaVerdict).ToArray()).ToList();
        if (pairs.Count == 0)
        {
            return null;
        }
        double n = pairs.Count;
        var po = pairs.Count(p => p[0] == p[1]) / n;
        var pe = pairs.Select(p => p[0]).Concat(pairs.Select(p => p[1])).Distinct()
            .Sum(c => pairs.Count(p => p[0] == c) / n * (pairs.Count(p => p[1] == c) / n));
        return pe >= 1 ? null : (po - pe) / (1 - pe);
    }
}
