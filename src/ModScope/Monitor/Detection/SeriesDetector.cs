namespace ModScope.Monitor.Detection;

/// <summary>
/// The anomaly detector for one series: a causal, seasonal, robust baseline, a level-shift test and, for counts
/// and proportions, a sampling-noise test. Each point is judged only from the points before it, exactly as a
/// daily monitor sees the world, so a longer series never changes the verdicts on its prefix.
/// </summary>
/// <remarks>
/// <para>Expected value: with a season of P intervals, the median of the same slot in the last
/// <see cref="DetectorSettings.SeasonalCycles"/> seasons plus the median gap between recent values and their own
/// seasonal medians (a local level correction, so trends and recent shifts carry over); without one, the median of
/// the last values. Past values more than <see cref="DetectorSettings.ClipZ"/> spreads out are clipped before they
/// enter the baseline (resistant to past anomalies), except inside an alert that outlasts the level window, which
/// is then taken as the new normal.</para>
/// <para>Spread: interquartile range / 1.349 of the last residuals (a robust σ, breakdown 25%). A point alerts at
/// |residual| ≥ <see cref="DetectorSettings.AlertZ"/> spreads; a level shift alerts when a two-sided CUSUM of
/// clipped z-scores (Page 1954) passes its limit. For counts and proportions the change must also pass a Poisson
/// or binomial z-test at <see cref="DetectorSettings.SamplingZ"/>, so a rate from 12 audits moving 5 points does
/// not alert.</para>
/// <para>With 200 points of history or more, the series' own behaviour sets higher levels where it needs them
/// (<see cref="LearnedLevels"/>): how far its residuals and its CUSUM usually reach, whether its recent window is
/// more unusual than usual, whether a value lies beyond its whole range. A weak single point waits for a second one
/// before it alerts (<see cref="AlertTracker"/>).</para>
/// </remarks>
public static class SeriesDetector
{
    public static DetectionResult Detect(IReadOnlyList<SeriesPoint> points, DetectorSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var s = (settings ?? new DetectorSettings()).Validated();
        var order = Enumerable.Range(0, points.Count).OrderBy(i => points[i].Time).ToArray();
        var clock = SamplingClock.From(points, order);
        var run = new DetectorRun(points, order, clock, s);
        var verdicts = new PointVerdict[points.Count];
        for (var k = 0; k < order.Length; k++)
        {
            verdicts[order[k]] = run.Step(k);
        }
        return new DetectionResult(verdicts, run.Finish(), clock.Interval, run.Period);
    }
}
