using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>
/// One point 8σ away from the series' true level (σ = the generator's noise) is flagged where it was planted, in
/// the right direction, and nothing else alerts after warm-up.
/// </summary>
public sealed class SpikeTests
{
    /// <summary>Ten days of hourly data, twelve weeks of daily data: enough for the season to be found and trusted.</summary>
    private const int HourlyWarmUp = 240;
    private const int DailyWarmUp = 84;

    [Theory]
    [InlineData(1, +1)]
    [InlineData(2, -1)]
    [InlineData(3, +1)]
    public void An_8_sigma_spike_in_white_noise_is_the_only_alert(int seed, int direction)
    {
        var points = new SeriesGenerator(seed).WhiteNoise(1000, sigma: 5.0);
        var spiked = SeriesGenerator.WithValue(points, 700, 100.0 + (direction * 8 * 5.0));

        AssertOnlyAlertIsASpikeAt(SeriesDetector.Detect(spiked), 700, direction, HourlyWarmUp);
    }

    [Theory]
    [InlineData(1, +1, 700)]
    [InlineData(2, -1, 700)]
    [InlineData(3, +1, 715)]
    [InlineData(4, -1, 715)]
    public void An_8_sigma_spike_in_hourly_data_with_a_daily_cycle_is_the_only_alert(int seed, int direction, int at)
    {
        var points = new SeriesGenerator(seed).HourlyWithDailyCycle(1000, sigma: 5.0);
        // At 715 (19:00) the cycle is near its low, so +8σ is still far below the day's peak: only the season explains it.
        var spiked = SeriesGenerator.WithValue(points, at, SeriesGenerator.DailyCycle(points[at].Time) + (direction * 8 * 5.0));

        AssertOnlyAlertIsASpikeAt(SeriesDetector.Detect(spiked), at, direction, HourlyWarmUp);
    }

    [Theory]
    [InlineData(1, +1, 301)] // a Monday
    [InlineData(2, -1, 301)]
    [InlineData(3, +1, 307)] // a Sunday, 40% busier than weekdays
    [InlineData(4, -1, 307)]
    public void An_8_sigma_spike_in_daily_data_with_a_weekly_cycle_is_the_only_alert(int seed, int direction, int at)
    {
        var points = new SeriesGenerator(seed).DailyWithWeeklyCycle(400, sigma: 20.0);
        var spiked = SeriesGenerator.WithValue(points, at, SeriesGenerator.WeeklyCycle(points[at].Time) + (direction * 8 * 20.0));

        AssertOnlyAlertIsASpikeAt(SeriesDetector.Detect(spiked), at, direction, DailyWarmUp);
    }

    [Fact]
    public void A_weekday_at_the_weekend_level_alerts_though_the_value_is_common_in_the_series()
    {
        // Monday at 1400 is an ordinary Saturday value, 20σ above a normal Monday.
        var points = new SeriesGenerator(5).DailyWithWeeklyCycle(400, sigma: 20.0);
        var spiked = SeriesGenerator.WithValue(points, 301, 1400.0);

        AssertOnlyAlertIsASpikeAt(SeriesDetector.Detect(spiked), 301, +1, DailyWarmUp);
    }

    private static void AssertOnlyAlertIsASpikeAt(DetectionResult result, int at, int direction, int warmUp)
    {
        Assert.Equal([at], Alerts.StartIndices(result, warmUp));
        var episode = Assert.Single(result.Episodes, e => e.StartIndex >= warmUp);
        Assert.Equal(AnomalyKind.Spike, episode.Kind);
        Assert.Equal(direction, episode.Direction);
        Assert.Equal(direction, Math.Sign(result.Points[at].Z));
        Assert.True(result.Points[at].Score > 0.5, $"score {result.Points[at].Score} at the spike should pass the alert threshold 0.5");
        Assert.True(direction > 0 ? result.Points[at].Value > result.Points[at].Upper : result.Points[at].Value < result.Points[at].Lower);
    }
}
