using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>Series with nothing planted in them: 3000 points give at most one alert after warm-up.</summary>
public sealed class QuietSeriesTests
{
    private const int WarmUp = 240;

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var series in new[] { "white noise", "daily with a weekly cycle", "hourly with a daily cycle", "random walk" })
        {
            foreach (var seed in new[] { 11, 12, 13 })
            {
                cases.Add(series, seed);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_quiet_series_of_3000_points_gives_at_most_one_alert_after_warm_up(string series, int seed)
    {
        var generator = new SeriesGenerator(seed);
        var points = series switch
        {
            "white noise" => generator.WhiteNoise(3000),
            "daily with a weekly cycle" => generator.DailyWithWeeklyCycle(3000),
            "hourly with a daily cycle" => generator.HourlyWithDailyCycle(3000),
            "random walk" => generator.RandomWalk(3000),
            _ => throw new ArgumentOutOfRangeException(nameof(series), series, "unknown series"),
        };

        var result = SeriesDetector.Detect(points);

        var starts = Alerts.StartIndices(result, WarmUp);
        Assert.True(starts.Length <= 1, $"{series}, seed {seed}: alerts open at {string.Join(", ", starts)}");
        Assert.True(result.Points.Skip(WarmUp).Count(p => p.InAlert) <= 30, "a false alarm, if any, should close again soon");
    }
}
