using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>
/// A sustained move of 4σ (σ = the generator's noise) is one alert opened near its start, not one alert per point:
/// <see cref="PointVerdict.AlertStart"/> (the CLI's is_anomaly) only where it opens, <see cref="PointVerdict.InAlert"/>
/// on the points that follow while it lasts.
/// </summary>
public sealed class LevelShiftTests
{
    private const int WarmUp = 240;
    private const int ShiftAt = 500;

    [Theory]
    [InlineData(3, +1)]
    [InlineData(4, -1)]
    public void A_4_sigma_shift_opens_one_alert_within_3_points_and_the_following_points_are_in_it(int seed, int direction)
    {
        var points = SeriesGenerator.WithLevelShift(new SeriesGenerator(seed).WhiteNoise(800, sigma: 5.0), ShiftAt, direction * 4 * 5.0);

        var result = SeriesDetector.Detect(points);

        var start = Assert.Single(Alerts.StartIndices(result, WarmUp));
        Assert.InRange(start, ShiftAt, ShiftAt + 3);
        var episode = Assert.Single(result.Episodes, e => e.StartIndex >= WarmUp);
        // A weak first point waits for a second anomalous one (ConfirmPoints), so the alert may be raised a point
        // after the onset its episode dates from.
        Assert.InRange(episode.StartIndex, ShiftAt, start);
        Assert.Equal(direction, episode.Direction);
        Assert.True(episode.EndIndex - start >= 5, $"the shift lasts, so its alert should span more than a few points; it ran {start}..{episode.EndIndex}");
        for (var i = start; i <= episode.EndIndex; i++)
        {
            Assert.True(result.Points[i].InAlert, $"point {i} is inside the alert {start}..{episode.EndIndex}");
            Assert.Equal(i == start, result.Points[i].AlertStart);
        }
        Assert.All(result.Points.Take(start), p => Assert.False(p.InAlert && p.Time >= points[WarmUp].Time));
    }

    [Fact]
    public void Across_20_seeded_white_noise_series_every_4_sigma_shift_opens_one_alert_and_most_within_3_points()
    {
        // A CUSUM with allowance 1 and limit 8 (robust σ) needs about three points of a 4σ shift; noise on those
        // points delays some. Every shift must open exactly one alert within 8 points; at least 15 of 20 within 3.
        var delays = new List<int>();
        for (var seed = 1; seed <= 10; seed++)
        {
            foreach (var direction in new[] { +1, -1 })
            {
                var points = SeriesGenerator.WithLevelShift(new SeriesGenerator(seed).WhiteNoise(800, sigma: 5.0), ShiftAt, direction * 4 * 5.0);
                var result = SeriesDetector.Detect(points);

                var start = Assert.Single(Alerts.StartIndices(result, WarmUp));
                Assert.InRange(start, ShiftAt, ShiftAt + 8);
                Assert.Equal(direction, Assert.Single(result.Episodes, e => e.StartIndex >= WarmUp).Direction);
                delays.Add(start - ShiftAt);
            }
        }

        Assert.True(delays.Count(d => d <= 3) >= 15, $"delays after the shift: {string.Join(", ", delays)}");
    }

    [Theory]
    [InlineData("daily with a weekly cycle")]
    [InlineData("hourly with a daily cycle")]
    public void Across_20_seeded_seasonal_series_every_4_sigma_shift_opens_one_alert_within_8_points(string series)
    {
        var misses = new List<string>();
        for (var seed = 1; seed <= 10; seed++)
        {
            foreach (var direction in new[] { +1, -1 })
            {
                var generator = new SeriesGenerator(seed);
                var (points, sigma) = series.StartsWith("daily", StringComparison.Ordinal)
                    ? (generator.DailyWithWeeklyCycle(800, sigma: 20.0), 20.0)
                    : (generator.HourlyWithDailyCycle(800, sigma: 5.0), 5.0);
                var result = SeriesDetector.Detect(SeriesGenerator.WithLevelShift(points, ShiftAt, direction * 4 * sigma));

                var starts = Alerts.StartIndices(result, WarmUp);
                if (starts.Length != 1 || starts[0] < ShiftAt || starts[0] > ShiftAt + 8)
                {
                    misses.Add($"seed {seed} direction {direction}: alerts at [{string.Join(", ", starts)}]");
                }
            }
        }

        // 19 of 20 seeds must open exactly one alert within 8 points; measured: seed 9 (daily, downward) opens a
        // second alert 33 points later, while the baseline adopts the new level.
        Assert.True(misses.Count <= 1, string.Join("; ", misses));
    }
}
