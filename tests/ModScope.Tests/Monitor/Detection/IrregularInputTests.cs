using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>
/// Irregular timestamps, holes and missing values: one verdict per input point in input order; a missing value
/// scores 0 and never opens an alert; unsorted input is judged in time order but returned in input order.
/// </summary>
public sealed class IrregularInputTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_input_point_gets_its_verdict_in_input_order_and_missing_values_score_0(int seed)
    {
        var points = new SeriesGenerator(seed).IrregularHourlyWithGaps(1000);

        var result = SeriesDetector.Detect(points);

        Assert.Equal(points.Length, result.Points.Count);
        Assert.Contains(points, p => double.IsNaN(p.Value));
        for (var i = 0; i < points.Length; i++)
        {
            var verdict = result.Points[i];
            Assert.Equal(points[i].Time, verdict.Time);
            Assert.Equal(points[i].Value, verdict.Value);
            if (double.IsNaN(points[i].Value))
            {
                Assert.Equal(0.0, verdict.Score);
                Assert.False(verdict.AlertStart, $"missing value {i} opened an alert");
                Assert.False(verdict.Judged);
            }
        }
    }

    [Fact]
    public void A_spike_between_holes_is_still_found_and_a_run_of_missing_values_never_alerts()
    {
        var points = new SeriesGenerator(3).IrregularHourlyWithGaps(1000);
        for (var i = 600; i < 640; i++)
        {
            points[i] = points[i] with { Value = double.NaN };
        }
        points[700] = points[700] with { Value = SeriesGenerator.DailyCycle(points[700].Time) + 60.0 }; // 12σ

        var result = SeriesDetector.Detect(points);

        Assert.Equal([700], Alerts.StartIndices(result, 240));
        Assert.All(result.Points.Skip(600).Take(40), v => Assert.Equal((0.0, false), (v.Score, v.AlertStart)));
    }

    [Fact]
    public void Only_missing_values_give_verdicts_that_score_0()
    {
        var points = Enumerable.Range(0, 50).Select(i => new SeriesPoint(SeriesGenerator.Start.AddHours(i), double.NaN)).ToArray();

        var result = SeriesDetector.Detect(points);

        Assert.Equal(50, result.Points.Count);
        Assert.All(result.Points, v => Assert.Equal((0.0, false, false), (v.Score, v.AlertStart, v.InAlert)));
        Assert.Empty(result.Episodes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Unsorted_input_is_judged_in_time_order_and_returned_in_input_order(int seed)
    {
        var generator = new SeriesGenerator(seed);
        var sorted = SeriesGenerator.WithSpike(generator.HourlyWithDailyCycle(800), 500, 60.0);
        var shuffled = generator.Shuffle(sorted);

        var inOrder = SeriesDetector.Detect(sorted);
        var result = SeriesDetector.Detect(shuffled);

        Assert.Equal(shuffled.Select(p => p.Time), result.Points.Select(v => v.Time));
        var byTime = inOrder.Points.ToDictionary(v => v.Time);
        Assert.All(result.Points, v => Assert.Equal(byTime[v.Time], v));
        var spikeAt = Array.FindIndex(shuffled, p => p.Time == sorted[500].Time);
        var episode = Assert.Single(result.Episodes, e => e.Start == sorted[500].Time);
        Assert.Equal(spikeAt, episode.StartIndex);
        Assert.True(result.Points[spikeAt].AlertStart);
    }
}
