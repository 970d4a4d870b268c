using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>An alert explains its expectation in words an analyst can defend: which season, how many observations.</summary>
public sealed class BaselineNoteTests
{
    [Fact]
    public void A_weekly_seasonal_alert_names_the_season_length_and_the_observations_behind_it()
    {
        // 300 days of history: all 8 default seasonal references exist, the 256-residual scale window is full, and
        // the level window is half a 7-day season raised to its minimum of 7 points. A 1% risk keeps the levels learned
        // from this normal noise (about 2.3 spreads) below the fixed 4.5 spreads, so the band is the fixed one.
        var points = new SeriesGenerator(1).DailyWithWeeklyCycle(365);
        var spiked = SeriesGenerator.WithValue(points, 301, 1000.0 + 200.0);

        var episode = Assert.Single(SeriesDetector.Detect(spiked, new DetectorSettings { AlertRisk = 0.01 }).Episodes);
        var text = episode.Baseline.Describe();

        // Level window: two seasons of 7 days (the default, clamped to 14..48 points).
        Assert.Equal((BaselineMethod.Seasonal, 7, 8, 14, 256), (episode.Baseline.Method, episode.Baseline.Period, episode.Baseline.SeasonalReferences,
            episode.Baseline.LevelPoints, episode.Baseline.ScalePoints));
        Assert.Contains("previous 8 seasons of 7 day(s)", text, StringComparison.Ordinal);
        Assert.Contains("last 14 points", text, StringComparison.Ordinal);
        Assert.Contains("last 256 residuals", text, StringComparison.Ordinal);
        Assert.Contains("4.5×", text, StringComparison.Ordinal);
        Assert.Null(episode.Baseline.Learned);
    }

    [Fact]
    public void An_hourly_alert_names_a_season_of_one_day()
    {
        var points = new SeriesGenerator(2).HourlyWithDailyCycle(1000);
        var spiked = SeriesGenerator.WithValue(points, 700, SeriesGenerator.DailyCycle(points[700].Time) + 60.0);

        var episode = Assert.Single(SeriesDetector.Detect(spiked).Episodes, e => e.StartIndex == 700);

        Assert.Contains("previous 8 seasons of 1 day(s)", episode.Baseline.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_season_the_note_says_none_was_found()
    {
        var points = SeriesGenerator.WithValue(new SeriesGenerator(3).WhiteNoise(1000), 700, 150.0);

        var episode = Assert.Single(SeriesDetector.Detect(points).Episodes, e => e.StartIndex == 700);

        Assert.Equal(BaselineMethod.Level, episode.Baseline.Method);
        Assert.Contains("the median of the last 16 values (no season found in the history)", episode.Baseline.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_for_a_proportion_names_the_sample_size()
    {
        var points = Enumerable.Range(0, 60).Select(i => new SeriesPoint(SeriesGenerator.Start.AddDays(i), i % 2 == 0 ? 0.90 : 0.91, 5000)).ToArray();
        points[50] = points[50] with { Value = 0.80 };

        var episode = Assert.Single(SeriesDetector.Detect(points, new DetectorSettings { Kind = SeriesKind.Proportion }).Episodes);

        Assert.Contains("sampling noise for n = 5000", episode.Baseline.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void When_sampling_noise_is_wider_than_the_history_it_sets_the_band()
    {
        // 3 binomial standard deviations for n = 400 around 0.90: 3 · √(0.9 · 0.1 / 400) = 0.045, times √φ, where φ
        // is estimated from a history of pure binomial noise (true φ = 1; from 90 values it lands within about ±0.3 of
        // it, and is never below 1); the history of 20,000-trial days alone would give 4.5 · about 0.0023 = 0.010.
        var note = SampledAlert().Baseline;

        var sampling = 3.0 * Math.Sqrt(note.Expected * (1.0 - note.Expected) / 400.0);
        Assert.InRange(note.Upper - note.Expected, sampling, sampling * Math.Sqrt(1.3));
        Assert.True(note.AlertZ * note.Spread < sampling);
    }

    [Fact]
    public void The_band_in_words_adds_up_when_sampling_noise_set_it()
    {
        var note = SampledAlert().Baseline;
        var text = note.Describe();

        var claimsSpread = text.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"= {note.AlertZ:0.#}× the robust spread"), StringComparison.Ordinal);
        var half = note.Upper - note.Expected;
        Assert.False(claimsSpread && Math.Abs(half - (note.AlertZ * note.Spread)) > 0.01 * half, text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_judged_point_lies_in_a_band_with_the_expectation_inside(int seed)
    {
        var generator = new SeriesGenerator(seed);
        foreach (var points in new[] { generator.HourlyWithDailyCycle(1000), generator.DailyWithWeeklyCycle(400), generator.RandomWalk(1000), generator.IrregularHourlyWithGaps(1000) })
        {
            var result = SeriesDetector.Detect(points);

            var judged = result.Points.Where(v => v.Judged).ToList();
            Assert.True(judged.Count > points.Length / 2);
            Assert.All(judged, v => Assert.True(v.Lower < v.Expected && v.Expected < v.Upper, $"{v.Lower} < {v.Expected} < {v.Upper} at {v.Time:o}"));
            Assert.All(result.Points, v => Assert.InRange(v.Score, 0.0, 1.0));
        }
    }

    /// <summary>A 90% rate on 20,000 trials a day; day 90 reads 80% from 400 trials: past both the history's band and sampling noise.</summary>
    private static AnomalyEpisode SampledAlert()
    {
        var generator = new SeriesGenerator(1);
        var points = Enumerable.Range(0, 100)
            .Select(i => new SeriesPoint(SeriesGenerator.Start.AddDays(i), 0.90 + (Math.Sqrt(0.09 / 20_000) * generator.Gaussian()), 20_000))
            .ToArray();
        points[90] = points[90] with { Value = 0.80, SampleSize = 400 };

        return Assert.Single(SeriesDetector.Detect(points, new DetectorSettings { Kind = SeriesKind.Proportion }).Episodes);
    }
}
