using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>
/// A point is judged only from the points before it, as a daily monitor sees the world: running the detector on a
/// prefix gives the prefix's points exactly the verdicts they get inside the whole series.
/// </summary>
public sealed class CausalityTests
{
    public static TheoryData<string, int> Series => new()
    {
        { "white noise with a spike", 1 },
        { "hourly with a daily cycle and a spike", 2 },
        { "daily with a weekly cycle and a level drop", 3 },
        { "irregular hourly with gaps", 4 },
        { "random walk", 5 },
    };

    [Theory]
    [MemberData(nameof(Series))]
    public void A_prefix_gets_exactly_the_verdicts_it_gets_inside_the_whole_series(string series, int seed)
    {
        var points = Make(series, seed);
        var whole = SeriesDetector.Detect(points);

        // 30 and 50 points hold fewer than the 64 gaps the sampling interval is measured on.
        foreach (var length in new[] { 30, 50, 65, 200, 501, points.Length - 1 })
        {
            var prefix = SeriesDetector.Detect(points[..length]);

            for (var i = 0; i < length; i++)
            {
                var (p, w) = (prefix.Points[i], whole.Points[i]);
                var same = p.Score.Equals(w.Score) && p.Expected.Equals(w.Expected) && p.Lower.Equals(w.Lower) && p.Upper.Equals(w.Upper)
                    && p.AlertStart == w.AlertStart && p.InAlert == w.InAlert;
                if (!same)
                {
                    Assert.Fail($"{series}, prefix of {length}: point {i} is {p} alone but {w} in the whole series.");
                }
            }
        }
    }

    [Fact]
    public void The_series_has_alerts_so_the_comparison_covers_alert_starts()
    {
        var result = SeriesDetector.Detect(Make("hourly with a daily cycle and a spike", 2));

        Assert.Contains(600, Alerts.StartIndices(result));
    }

    private static SeriesPoint[] Make(string series, int seed)
    {
        var generator = new SeriesGenerator(seed);
        return series switch
        {
            "white noise with a spike" => SeriesGenerator.WithSpike(generator.WhiteNoise(800), 400, 50.0),
            "hourly with a daily cycle and a spike" => SeriesGenerator.WithSpike(generator.HourlyWithDailyCycle(800), 600, 50.0),
            "daily with a weekly cycle and a level drop" => SeriesGenerator.WithLevelShift(generator.DailyWithWeeklyCycle(600), 300, -160.0),
            "irregular hourly with gaps" => generator.IrregularHourlyWithGaps(800),
            "random walk" => generator.RandomWalk(800),
            _ => throw new ArgumentOutOfRangeException(nameof(series), series, "unknown series"),
        };
    }
}
