using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>
/// For a proportion, a move must also beat binomial noise for its sample size: 5 points from 12 audits is
/// ordinary luck, 5 points from 20,000 audits is a real change, though the series' history sees both as far out.
/// </summary>
public sealed class SamplingNoiseTests
{
    private const double Rate = 0.90;
    private const double Moved = 0.85;
    private const int At = 90;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_rate_from_12_trials_moving_5_points_does_not_alert_but_from_20000_trials_it_does(int seed)
    {
        // Binomial z of the move, by hand: (0.85 − 0.90) / √(0.90 · 0.10 / n).
        // n = 12:     √(0.09 / 12)     = 0.0866  → z = −0.58, inside the sampling test's 3.
        // n = 20,000: √(0.09 / 20,000) = 0.00212 → z = −23.6, far outside it.
        var zFew = (Moved - Rate) / Math.Sqrt(Rate * (1 - Rate) / 12);
        var zMany = (Moved - Rate) / Math.Sqrt(Rate * (1 - Rate) / 20_000);
        Assert.Equal(-0.577, zFew, 3);
        Assert.Equal(-23.57, zMany, 2);
        var settings = new DetectorSettings { Kind = SeriesKind.Proportion };
        Assert.True(Math.Abs(zFew) < settings.SamplingZ && Math.Abs(zMany) > settings.SamplingZ);

        var few = SeriesDetector.Detect(History(seed, sampleSizeAt: 12), settings);
        var many = SeriesDetector.Detect(History(seed, sampleSizeAt: 20_000), settings);

        Assert.Empty(Alerts.StartIndices(few));
        Assert.Equal([At], Alerts.StartIndices(many));
        Assert.Equal(-1, Assert.Single(many.Episodes).Direction);
        // The history alone would call both far out: days of 20,000 trials vary by about 0.002.
        Assert.True(few.Points[At].Z < -4.5, $"z against the history {few.Points[At].Z}");
        Assert.True(few.Points[At].Score < 0.5);
        Assert.True(few.Points[At].Lower < Moved, "the band is widened to the sampling noise of 12 trials");
    }

    [Fact]
    public void As_a_plain_level_the_same_12_trial_move_alerts()
    {
        var result = SeriesDetector.Detect(History(1, sampleSizeAt: 12));

        Assert.Equal([At], Alerts.StartIndices(result));
    }

    /// <summary>100 days of a 90% rate measured on 20,000 trials a day (binomial noise); day 90 reads 85% from <paramref name="sampleSizeAt"/> trials.</summary>
    private static SeriesPoint[] History(int seed, double sampleSizeAt)
    {
        var generator = new SeriesGenerator(seed);
        var points = new SeriesPoint[100];
        for (var i = 0; i < points.Length; i++)
        {
            var rate = Rate + (Math.Sqrt(Rate * (1 - Rate) / 20_000) * generator.Gaussian());
            points[i] = new SeriesPoint(SeriesGenerator.Start.AddDays(i), rate, SampleSize: 20_000);
        }
        points[At] = points[At] with { Value = Moved, SampleSize = sampleSizeAt };
        return points;
    }
}
