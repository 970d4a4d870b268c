namespace ModScope.Stats;

/// <summary>Why an overall rate moved: a different mix of strata, or different rates within them (DOMAIN.md 1.10).</summary>
public static class RateChange
{
    /// <summary>
    /// Δp = Σ_h (W_h' − W_h)·p_h + Σ_h W_h'·(p_h' − p_h) (DOMAIN.md 1.10; the two-factor shift-share form, with
    /// the mix term at baseline rates and the rate term at current weights; Kitagawa (1955) averages the two
    /// orders instead). The split is exact. A stratum new in the current period takes its current rate as
    /// baseline rate, so all of its contribution is mix; one that vanished contributes −W_h·p_h, all mix.
    /// </summary>
    public static MixRateDecomposition Decompose(IReadOnlyList<StratumRate> baseline, IReadOnlyList<StratumRate> current)
    {
        var before = Shares(baseline, nameof(baseline));
        var after = Shares(current, nameof(current));
        var names = before.Keys.Concat(after.Keys.Where(k => !before.ContainsKey(k))).ToList();
        var strata = new List<StratumContribution>(names.Count);
        foreach (var name in names)
        {
            var (w, p) = before.GetValueOrDefault(name);
            var (w2, p2) = after.GetValueOrDefault(name);
            var baselineRate = w > 0.0 ? p : p2;
            var currentRate = w2 > 0.0 ? p2 : baselineRate;
            strata.Add(new StratumContribution(name, w, w2, baselineRate, currentRate, (w2 - w) * baselineRate, w2 * (currentRate - baselineRate)));
        }

        var baselineTotal = before.Values.Sum(x => x.Share * x.Rate);
        var currentTotal = after.Values.Sum(x => x.Share * x.Rate);
        return new MixRateDecomposition(
            baselineTotal,
            currentTotal,
            currentTotal - baselineTotal,
            strata.Sum(s => s.MixEffect),
            strata.Sum(s => s.RateEffect),
            strata);
    }

    private static Dictionary<string, (double Share, double Rate)> Shares(IReadOnlyList<StratumRate> period, string name)
    {
        ArgumentNullException.ThrowIfNull(period, name);
        var issues = new List<string>();
        foreach (var s in period)
        {
            if (s is null || s.Name is null)
            {
                issues.Add("a stratum or its name is null");
            }
            else if (!(s.Population >= 0.0) || double.IsPositiveInfinity(s.Population))
            {
                issues.Add($"stratum '{s.Name}' has population {s.Population}");
            }
            else if (s.Population > 0.0 && !(s.Rate >= 0.0 && s.Rate <= 1.0))
            {
                issues.Add($"stratum '{s.Name}' has rate {s.Rate}, outside [0, 1]");
            }
        }

        var total = issues.Count == 0 ? period.Sum(s => s.Population) : 0.0;
        if (issues.Count == 0 && total <= 0.0)
        {
            issues.Add("the period has no population");
        }

        if (issues.Count == 0 && period.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            issues.Add($"stratum '{duplicate.Key}' appears more than once");
        }

        if (issues.Count > 0)
        {
            throw new ArgumentException($"Invalid {name} strata: " + string.Join("; ", issues) + ".", name);
        }

        return period.ToDictionary(s => s.Name, s => (s.Population / total, s.Population > 0.0 ? s.Rate : 0.0), StringComparer.Ordinal);
    }
}
