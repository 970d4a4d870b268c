using ModScope.Query;

namespace ModScope.Monitor.Scan;

/// <summary>
/// QA proportions are judged on the trailing 7 days, pooled: Σ weighted numerator / Σ weighted denominator, with the
/// audits of all 7 days as its sample. A day's QA sample per segment is a few dozen audits, far too thin for a daily
/// alert; a week's is enough to see a false-positive spike at one site. The pooling also removes the weekly cycle.
/// </summary>
internal static class TrailingWeek
{
    public const int Days = 7;

    public static (double Value, double? SampleSize) Pool(IReadOnlyDictionary<DateOnly, MetricResult> byDay, DateOnly day)
    {
        var (numerator, denominator, sample) = (0.0, 0.0, 0.0);
        for (var back = 0; back < Days; back++)
        {
            if (byDay.TryGetValue(day.AddDays(-back), out var r))
            {
                (numerator, denominator, sample) = (numerator + (r.Numerator ?? 0.0), denominator + (r.Denominator ?? 0.0), sample + (r.SampleSize ?? 0.0));
            }
        }
        return denominator > 0.0 ? (numerator / denominator, sample) : (double.NaN, null);
    }
}
