using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>
/// With a long history the detector learns what is normal for the series itself: bursts it always has stop
/// alerting, while what it has never done still alerts. Short histories (a few months of days) keep the fixed levels.
/// </summary>
public sealed class LearnedLevelsTests
{
    /// <summary>
    /// Five-minute white noise (σ = 1 around 10) with, every 150 points, a burst of +12σ: a CPU metric whose job always
    /// spikes it. The bursts are too rare (1 point in 150) to widen the robust spread, and 12σ is far beyond the fixed
    /// 4.5 spreads, so without learning every burst would alert.
    /// </summary>
    private static SeriesPoint[] Bursty(int n, int seed)
    {
        var generator = new SeriesGenerator(seed);
        return [.. Enumerable.Range(0, n).Select(i => new SeriesPoint(SeriesGenerator.Start.AddMinutes(5 * i),
            10.0 + generator.Gaussian() + (i % 150 == 75 ? 12.0 : 0.0)))];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Bursts_the_series_always_has_stop_alerting_once_learned(int seed)
    {
        var result = SeriesDetector.Detect(Bursty(3000, seed));

        // The learned levels apply from 200 judged points on, and a level is never below a value reached three times:
        // from the fourth burst after that (point 200 + 4 × 150) none alerts; before, bursts did.
        Assert.Empty(Alerts.StartIndices(result, 800));
        Assert.NotEmpty(Alerts.StartIndices(result));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_burst_far_beyond_the_usual_ones_still_alerts(int seed)
    {
        // +40σ at 2000 (a point between two usual bursts): 3⅓ times the usual burst, which the learned tail
        // (usual bursts plus noise, at most 12σ + noise) cannot explain.
        var points = SeriesGenerator.WithSpike(Bursty(3000, seed), 2000, 40.0);

        var result = SeriesDetector.Detect(points);

        Assert.Equal([2000], Alerts.StartIndices(result, 800));
        Assert.NotNull(result.Episodes.Single(e => e.StartIndex == 2000).Baseline.Learned);
    }

    [Fact]
    public void A_short_history_keeps_the_fixed_levels()
    {
        // 150 days: fewer than the 200 points a learned level needs, so a +12σ day alerts as it always did and the
        // band is the fixed 4.5 spreads.
        var points = SeriesGenerator.WithSpike(new SeriesGenerator(3).DailyWithWeeklyCycle(150, sigma: 20.0), 140, 12 * 20.0);

        var result = SeriesDetector.Detect(points);

        var episode = Assert.Single(result.Episodes, e => e.StartIndex == 140);
        Assert.Null(episode.Baseline.Learned);
        Assert.Equal(4.5 * episode.Baseline.Spread, episode.Baseline.Upper - episode.Baseline.Expected, 9);
    }

    [Fact]
    public void A_value_below_everything_the_series_reached_alerts_though_its_local_baseline_follows_it()
    {
        // A hovering series (a random walk with steps of 1): its baseline is the median of the last three values, so a
        // slow slide looks like more of the same point by point. After 2000 points it slides by 1.5 per point for 60
        // points, to far below any value it ever had.
        var points = new SeriesGenerator(4).RandomWalk(2200, sigma: 1.0);
        var lowest = points.Take(2000).Min(p => p.Value);
        for (var i = 2000; i < points.Length; i++)
        {
            points[i] = points[i] with { Value = points[i].Value - (1.5 * Math.Min(i - 2000, 60)) };
        }
        var firstBelow = Array.FindIndex(points, 2000, p => p.Value < lowest - 10.0);

        var result = SeriesDetector.Detect(points);

        var start = Assert.Single(Alerts.StartIndices(result, 2000));
        Assert.InRange(start, 2000, firstBelow + 5);
        Assert.Equal(-1, result.Episodes.Single(e => e.StartIndex <= start && e.EndIndex >= start).Direction);
    }

    [Fact]
    public void After_a_lasting_change_the_detector_relearns_and_sees_the_next_anomaly()
    {
        // White noise around 10 (σ = 1), then from 1500 a new regime around 30 with twice the noise (a resized
        // machine). The change is one alert; 48 points into it the learned ranges start again, so the alert closes
        // and a −8σ dip (σ of the new regime) at 2600 is an alert of its own.
        var generator = new SeriesGenerator(5);
        var points = Enumerable.Range(0, 3000).Select(i => new SeriesPoint(SeriesGenerator.Start.AddMinutes(5 * i),
            i < 1500 ? 10.0 + generator.Gaussian() : 30.0 + (2.0 * generator.Gaussian()))).ToArray();
        points[2600] = points[2600] with { Value = 30.0 - 16.0 };

        var result = SeriesDetector.Detect(points);

        var starts = Alerts.StartIndices(result, 400);
        Assert.Contains(starts, s => s is >= 1500 and <= 1503);
        Assert.Contains(2600, starts);
        Assert.True(result.Episodes.Single(e => e.StartIndex is >= 1500 and <= 1503).EndIndex < 2600);
    }
}
