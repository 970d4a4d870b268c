using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>
/// One weak anomalous point is not yet an alert (ConfirmPoints = 2): it needs a second anomalous point (evidence at
/// least half the threshold), and is then raised at that point, dated from the first; a strong point (6 robust
/// spreads, ImmediateEvidence 4/3 of AlertZ 4.5) alerts at once. 160 days of white noise around 1000, σ = 20, no
/// season (too short for learned levels, so the band is AlertZ robust spreads; the spread is read off that band).
/// </summary>
public sealed class ConfirmationTests
{
    private const int At = 130;

    private static SeriesPoint[] Noise(int seed) => new SeriesGenerator(seed).Generate(160, TimeSpan.FromDays(1), _ => 1000.0, 20.0);

    /// <summary>The band half-width the detector used at <see cref="At"/>, over AlertZ: the robust spread there.</summary>
    private static double SpreadAt(SeriesPoint[] points) =>
        SeriesDetector.Detect(points).Points[At] is var v ? (v.Upper - v.Expected) / 4.5 : double.NaN;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_single_point_between_4_5_and_6_spreads_is_not_an_alert(int seed)
    {
        var points = Noise(seed);
        var expected = SeriesDetector.Detect(points).Points[At].Expected;
        var spiked = SeriesGenerator.WithValue(points, At, expected + (5.2 * SpreadAt(points)));
        // The next point exactly as expected, so nothing confirms the first.
        spiked = SeriesGenerator.WithValue(spiked, At + 1, SeriesDetector.Detect(spiked).Points[At + 1].Expected);

        var result = SeriesDetector.Detect(spiked);

        Assert.True(result.Points[At].Score > 0.5, "the point itself passes the threshold");
        Assert.DoesNotContain(At, Alerts.StartIndices(result));
        Assert.DoesNotContain(result.Episodes, e => e.StartIndex == At);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_second_anomalous_point_raises_the_alert_dated_from_the_first(int seed)
    {
        var points = Noise(seed);
        var first = SeriesDetector.Detect(points).Points[At];
        var spiked = SeriesGenerator.WithValue(points, At, first.Expected + (5.2 * SpreadAt(points)));
        var second = SeriesDetector.Detect(spiked).Points[At + 1];
        // 3 spreads above its own expectation: above half the threshold (2.25), below the threshold.
        spiked = SeriesGenerator.WithValue(spiked, At + 1, second.Expected + (3.0 * (second.Upper - second.Expected) / 4.5));

        var result = SeriesDetector.Detect(spiked);

        Assert.Equal([At + 1], Alerts.StartIndices(result, At - 10));
        Assert.Equal(At, Assert.Single(result.Episodes, e => e.StartIndex >= At - 10).StartIndex);
        Assert.False(result.Points[At].InAlert);
        Assert.True(result.Points[At + 1].InAlert);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_point_beyond_6_spreads_alerts_at_once(int seed)
    {
        var points = Noise(seed);
        var expected = SeriesDetector.Detect(points).Points[At].Expected;
        var spiked = SeriesGenerator.WithValue(points, At, expected - (6.5 * SpreadAt(points)));

        var result = SeriesDetector.Detect(spiked);

        Assert.Equal([At], Alerts.StartIndices(result, At - 10));
        Assert.Equal(-1, Assert.Single(result.Episodes, e => e.StartIndex == At).Direction);
    }

    [Fact]
    public void With_one_confirm_point_every_onset_alerts_at_once()
    {
        var points = Noise(1);
        var expected = SeriesDetector.Detect(points).Points[At].Expected;
        var spiked = SeriesGenerator.WithValue(points, At, expected + (5.2 * SpreadAt(points)));

        var result = SeriesDetector.Detect(spiked, new DetectorSettings { ConfirmPoints = 1 });

        Assert.Equal([At], Alerts.StartIndices(result, At - 10));
    }
}
