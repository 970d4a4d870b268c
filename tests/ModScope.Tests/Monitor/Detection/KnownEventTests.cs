using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>
/// A day the calendar expects to be unusual (<see cref="SeriesPoint.KnownEvent"/>) gets a wider band and stays out
/// of the baseline: its peak does not alert, and the weeks after it are judged as if it had been an ordinary day.
/// </summary>
public sealed class KnownEventTests
{
    private const double Sigma = 20.0;
    private const int Peak = 298; // a Friday
    private const int WarmUp = 84;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_known_peak_does_not_alert_where_the_same_peak_unflagged_does(int seed)
    {
        var (ordinary, peaked, known) = Series(seed);

        Assert.Equal([Peak], Alerts.StartIndices(SeriesDetector.Detect(peaked), WarmUp));
        var result = SeriesDetector.Detect(known);
        Assert.Empty(Alerts.StartIndices(result, WarmUp));
        Assert.True(result.Points[Peak].KnownEvent);
        Assert.True(result.Points[Peak].Score < 0.5);
        Assert.Empty(Alerts.StartIndices(SeriesDetector.Detect(ordinary), WarmUp));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_weeks_after_a_known_peak_are_judged_as_without_it(int seed)
    {
        var (ordinary, _, known) = Series(seed);
        var without = SeriesDetector.Detect(ordinary);
        var with = SeriesDetector.Detect(known);

        for (var i = Peak + 1; i < Peak + 29; i++)
        {
            var (a, b) = (with.Points[i], without.Points[i]);
            Assert.False(a.InAlert, $"day {i} after the known peak is in an alert");
            // The expectation stays on the true weekly level (1000, or 1400 at weekends) as it does without the peak.
            Assert.InRange(a.Expected, SeriesGenerator.WeeklyCycle(a.Time) - (2 * Sigma), SeriesGenerator.WeeklyCycle(a.Time) + (2 * Sigma));
            Assert.InRange(a.Upper - a.Lower, 0.9 * (b.Upper - b.Lower), 1.1 * (b.Upper - b.Lower));
        }
    }

    /// <summary>A year of daily data; on <see cref="Peak"/> a 10σ (20%) busier day: unflagged, then flagged as known.</summary>
    private static (SeriesPoint[] Ordinary, SeriesPoint[] Peaked, SeriesPoint[] Known) Series(int seed)
    {
        var ordinary = new SeriesGenerator(seed).DailyWithWeeklyCycle(365, Sigma);
        var peaked = SeriesGenerator.WithValue(ordinary, Peak, SeriesGenerator.WeeklyCycle(ordinary[Peak].Time) + (10 * Sigma));
        var known = (SeriesPoint[])peaked.Clone();
        known[Peak] = known[Peak] with { KnownEvent = true };
        return (ordinary, peaked, known);
    }
}
