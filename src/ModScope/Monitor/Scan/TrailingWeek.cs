using ModScope.Query;

namespace ModScope.Monitor.Scan;

/// <summary>
/// QA proportions are judged on the trailing 7 days, pooled: Σ weighted numerator / Σ weighted denominator, with the
/// audits of all 7 days as its sample. A day's QA sample per segment is a few dozen audits, far too thin for a daily
/// alert; a week's is enough to see a false-positive spike at one site. The pooling also removes the weekly cycle.
/// The week's trials are its effective sample size (Kish): audits from strata with unequal weights carry less
/// information than as many simple random ones, and the sampling test must not treat them as more. The pooled rate is
/// Σ_d w_d p̂_d with w_d = D_d/D, each day's share of the week's weighted denominator, and the days are independent
/// samples, so its variance is Σ_d w_d² V_d; with V_d = p(1−p)/n_d (n_d the day's effective size) the week's effective
/// size is n = 1 / Σ_d (w_d²/n_d) (Kish 1965, §11.7, combining independent estimates). It is Σ n_d when the days'
/// weights follow their samples (unweighted audits), and it collapses towards n_d when one day's heavily weighted
/// audits carry the week, e.g. a single audit of a big automated stratum that lands in a small market.
/// </summary>
public static class TrailingWeek
{
    public const int Days = 7;

    /// <summary>A day's trials for the sampling test: its effective sample size where the estimate is weighted, else its audits.</summary>
    public static double Trials(MetricResult result) => result.EffectiveSampleSize ?? result.SampleSize ?? 0.0;

    public static (double Value, double? SampleSize) Pool(IReadOnlyDictionary<DateOnly, MetricResult> byDay, DateOnly day)
    {
        var week = Enumerable.Range(0, Days).Select(back => byDay.GetValueOrDefault(day.AddDays(-back))).OfType<MetricResult>();
        var (numerator, denominator, trials) = Combine(week);
        return denominator <= 0.0 ? (double.NaN, null) : (numerator / denominator, trials);
    }

    /// <summary>
    /// Independent days of a weighted proportion pooled: summed weighted numerator and denominator, and the effective
    /// sample size 1 / Σ_d (w_d²/n_d) (see the class summary; 0 when there is no denominator).
    /// </summary>
    public static (double Numerator, double Denominator, double Trials) Combine(IEnumerable<MetricResult> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var (numerator, denominator) = (0.0, 0.0);
        var parts = new List<(double Denominator, double Trials)>();
        foreach (var r in days.Where(r => r.Denominator is > 0.0))
        {
            (numerator, denominator) = (numerator + (r.Numerator ?? 0.0), denominator + r.Denominator!.Value);
            parts.Add((r.Denominator.Value, Trials(r)));
        }
        if (denominator <= 0.0)
        {
            return (0.0, 0.0, 0.0);
        }
        // A day with a denominator but no trials has no known sampling error: the days then support no test.
        var inverse = parts.Sum(d => d.Trials > 0.0 ? Math.Pow(d.Denominator / denominator, 2) / d.Trials : double.PositiveInfinity);
        return (numerator, denominator, 1.0 / inverse);
    }
}
