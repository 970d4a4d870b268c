using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>A level value estimated from a sample (a day's p90) carries its standard error; a move it explains does not alert.</summary>
public sealed class StandardErrorTests
{
    private static SeriesPoint[] Series(double? spikeError)
    {
        // A calm level around 10 (±0.2), then one day at 14: twenty robust spreads out.
        var points = Enumerable.Range(0, 60)
            .Select(i => new SeriesPoint(SeriesGenerator.Start.AddDays(i), 10.0 + (0.2 * Math.Sin(i * 1.3)), StandardError: 0.1))
            .ToArray();
        points[50] = points[50] with { Value = 14.0, StandardError = spikeError };
        return points;
    }

    [Fact]
    public void A_jump_of_four_within_two_standard_errors_of_the_day_does_not_alert()
    {
        var result = SeriesDetector.Detect(Series(spikeError: 2.0), new DetectorSettings { Period = 7 });

        Assert.Empty(result.Episodes);
    }

    [Fact]
    public void The_same_jump_with_a_tight_standard_error_alerts_and_the_note_names_it()
    {
        var result = SeriesDetector.Detect(Series(spikeError: 0.5), new DetectorSettings { Period = 7 });

        var episode = Assert.Single(result.Episodes);
        Assert.Equal(50, episode.StartIndex);
        Assert.Contains("standard error 0.5", episode.Baseline.Describe(), StringComparison.Ordinal);
    }
}
