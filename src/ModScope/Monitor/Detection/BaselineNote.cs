using System.Globalization;

namespace ModScope.Monitor.Detection;

/// <summary>
/// How an expected value and its band were computed, in terms an analyst can defend in a review: which history,
/// which seasonal adjustment, how wide the band and why, how many observations.
/// </summary>
public sealed record BaselineNote(
    BaselineMethod Method,
    int? Period,
    TimeSpan Interval,
    int SeasonalReferences,
    int LevelPoints,
    int ScalePoints,
    double Spread,
    double AlertZ,
    double Expected,
    double Lower,
    double Upper,
    double? SampleSize,
    bool KnownEvent)
{
    /// <summary>The value's own standard error (a quantile's from its order statistics, a mean's or a sum's from its values), when it has one.</summary>
    public double? StandardError { get; init; }

    /// <summary>
    /// Where the series' own residuals set a band wider than <see cref="AlertZ"/> spreads (a long history whose tails
    /// are heavier than normal noise); null when the band is the fixed one.
    /// </summary>
    public LearnedBand? Learned { get; init; }

    public string Describe(CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.InvariantCulture;
        var season = Method switch
        {
            BaselineMethod.Seasonal => string.Format(c, "the median of the same point in the previous {0} seasons of {1}, shifted by the median gap between recent values and their seasonal medians (last {2} points)",
                SeasonalReferences, Span(Interval * (Period ?? 0)), LevelPoints),
            BaselineMethod.Pooled => string.Format(c, "the pooled rate (Σ successes / Σ trials) of the last {0} values", LevelPoints),
            BaselineMethod.Recent => string.Format(c, "the median of the last {0} values (the series wanders, so only its recent past predicts it well)", LevelPoints),
            _ => string.Format(c, "the median of the last {0} values ({1})", LevelPoints, Period is null ? "no season found in the history" : "it predicted recent values better than the season"),
        };
        // One edge may be clipped at 0 or 1 (a proportion); the other is the full half-width.
        var half = Math.Max(Upper - Expected, Expected - Lower);
        var band = Learned is { } learned && !KnownEvent
            ? string.Format(c, "band {0:0.###} to {1:0.###}, learned from this series' own last {2} residuals: the levels they pass with probability {3:0.#####} a point (peaks over threshold), wider than {4:0.#}× the robust spread {5:0.####}",
                Lower, Upper, learned.Points, learned.Risk, AlertZ, Spread)
            : KnownEvent
            ? string.Format(c, "band ±{0:0.###}, widened for the known event ({1:0.#}× the robust spread {2:0.####}, and at least the event allowance)", half, AlertZ, Spread)
            : half > AlertZ * Spread * 1.0001
            ? string.Format(c, "band ±{0:0.###}, set by sampling noise (wider than {1:0.#}× the robust spread {2:0.####} of the last {3} residuals)",
                half, AlertZ, Spread, ScalePoints)
            : string.Format(c, "band ±{0:0.###} = {1:0.#}× the robust spread {2:0.####} (from the quartiles, or the central 90% or 98% when tails are heavy, of the last {3} residuals)",
                half, AlertZ, Spread, ScalePoints);
        var sample = SampleSize is { } n ? string.Format(c, "; a change must also exceed sampling noise for n = {0:0}", n)
            : StandardError is { } se ? string.Format(c, "; a change must also exceed the value's own sampling error (standard error {0:0.####})", se)
            : "";
        var known = KnownEvent ? "; a known calendar event is active, so the band is widened and the point kept out of the baseline" : "";
        return string.Format(c, "Expected {0:0.####} from {1}; {2}{3}{4}. Values far outside past bands were clipped before entering the baseline.",
            Expected, season, band, sample, known);
    }

    private static string Span(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? $"{span.TotalDays:0} day(s)"
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? $"{span.TotalHours:0} hour(s)"
        : span.TotalMinutes >= 1 && span.TotalMinutes % 1 == 0 ? $"{span.TotalMinutes:0} minute(s)"
        : $"{span.TotalSeconds:0.###} second(s)";
}
