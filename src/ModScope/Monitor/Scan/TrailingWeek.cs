using ModScope.Query;

namespace ModScope.Monitor.Scan;

/// <summary>
/// QA proportions are judged on the trailing 7 days, pooled: Σ weighted numerator / Σ weighted denominator, with the
/// audits of all 7 days as its sample. A day's QA sample per segment is a few dozen audits, far too thin for a daily
/// alert; a week's is enough to see a false-positive spike at one site. The pooling also removes the weekly cycle.
/// The week's trials are the sum of the days' effective sample sizes (Kish): audits from strata with unequal weights
/// carry less information than as many simple random ones, and the sampling test must not treat them as more.
/// </summary>
public static class TrailingWeek
{
    public const int Days = 7;

    /// <summary>A day's trials for the sampling test: its effective sample size where the estimate is weighted, else its audits.</summary>
    public static double Trials(MetricResult result) => result.EffectiveSampleSize ?? result.SampleSize ?? 0.0;

    public static (double Value, double? SampleSize) Pool(IReadOnlyDictionary<DateOnly, MetricResult> byDay, DateOnly day)
    {
        var (numerator, denominator, sample) = (0.0, 0.0, 0.0);
        for (var back = 0; back < Days; back++)
        {
            if (byDay.TryGetValue(day.AddDays(-back), out var r))
            {
                (numerator, denominator, sample) = (numerator + (r.Numerator ?? 0.0), denominator + (r.Denominator ?? 0.0), sample + Trials(r));
            }
        }
        return denominator > 0.0 ? (numerator / denominator, sample) : (double.NaN, null);
    }
}
