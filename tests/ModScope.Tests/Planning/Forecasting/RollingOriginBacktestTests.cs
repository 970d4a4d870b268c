using ModScope.Planning.Forecasting;

namespace ModScope.Tests.Planning.Forecasting;

public sealed class RollingOriginBacktestTests
{
    private static readonly BacktestSettings Settings = new();

    [Fact]
    public void Origins_step_weekly_while_a_full_horizon_of_actual_days_follows()
    {
        // 100 days: the first origin after 56 days (index 56), then 63 and 70; 77 + 27 would pass index 99.
        var series = new BacktestSeries("a", Series.WeeklyPattern(100, 100, sigma: 0.05), []);

        var result = RollingOriginBacktest.Run([series], Settings);

        Assert.Equal(3, result.Origins);
        Assert.Equal(1, result.Series);
        Assert.All(result.Weeks, w => Assert.Equal(21, w.Forecasts));
    }

    [Fact]
    public void The_benchmark_scores_match_a_plain_recomputation()
    {
        var history = Series.WeeklyPattern(120, 250, sigma: 0.08, seed: 3);
        var result = RollingOriginBacktest.Run([new BacktestSeries("a", history, [])], Settings);

        // Plain seasonal-naive MASE per horizon week, written from Hyndman and Koehler's definition.
        for (var week = 1; week <= 4; week++)
        {
            var scaled = new List<double>();
            for (var origin = 56; origin + 27 < history.Count; origin += 7)
            {
                var differences = Enumerable.Range(7, origin - 7).Select(t => Math.Abs(history[t].Value - history[t - 7].Value)).ToArray();
                var scale = differences.Average();
                for (var h = ((week - 1) * 7) + 1; h <= week * 7; h++)
                {
                    var naive = history[origin - 1 + h - (7 * ((h + 6) / 7))].Value;
                    scaled.Add(Math.Abs(history[origin - 1 + h].Value - naive) / scale);
                }
            }

            Assert.Equal(scaled.Average(), result.Weeks[week - 1].NaiveMase, 10);
        }
    }

    [Fact]
    public void The_mean_bias_is_reported_by_series_size()
    {
        // Exact weekly patterns at 5 and 500 a day: the forecast's mean is the pattern (no residuals, so a smearing factor
        // of 1), no bias in either band, and none (null) in the 10-100 band, which holds no series.
        var result = RollingOriginBacktest.Run(
            [new BacktestSeries("small", Series.WeeklyPattern(100, 5), []), new BacktestSeries("large", Series.WeeklyPattern(100, 500), [])], Settings);

        Assert.All(result.Weeks, w =>
        {
            Assert.Equal(0.0, w.MeanBias!.Value, 6);
            Assert.Equal(0.0, w.MeanBiasBySize[0]!.Value, 6);
            Assert.Null(w.MeanBiasBySize[1]);
            Assert.Equal(0.0, w.MeanBiasBySize[2]!.Value, 6);
        });
    }

    [Fact]
    public void The_mean_bias_is_the_forecast_means_over_the_actual_values()
    {
        // A constant 20 a day for 70 days, then 25. Origins at days 56, 63 and 70 (a full 28-day horizon fits in 100 days);
        // each trains on days before it, all 20, so the model (exact on a constant, its mean exactly 20) forecasts 20,
        // while the actual days hold 20 before day 70 and 25 from it. Plain recomputation: Σ 20 / Σ actual − 1 per week.
        var history = Enumerable.Range(0, 100).Select(i => new DailyPoint(Series.Start.AddDays(i), i < 70 ? 20.0 : 25.0)).ToList();
        var result = RollingOriginBacktest.Run([new BacktestSeries("a", history, [])], Settings);

        for (var week = 1; week <= 4; week++)
        {
            var (forecast, actual) = (0.0, 0.0);
            foreach (var origin in new[] { 56, 63, 70 })
            {
                for (var h = ((week - 1) * 7) + 1; h <= week * 7; h++)
                {
                    forecast += 20.0;
                    actual += history[origin - 1 + h].Value;
                }
            }

            Assert.Equal((forecast / actual) - 1.0, result.Weeks[week - 1].MeanBias!.Value, 6);
            Assert.Equal(result.Weeks[week - 1].MeanBias!.Value, result.Weeks[week - 1].MeanBiasBySize[1]!.Value, 12);
        }
    }

    [Fact]
    public void On_a_noisy_weekly_pattern_the_model_beats_seasonal_naive_and_its_intervals_hold()
    {
        // Seasonal-naive carries one week's noise into every forecast; a fitted weekly pattern averages it away.
        var series = Enumerable.Range(0, 40)
            .Select(s => new BacktestSeries($"s{s}", Series.WeeklyPattern(140, 500 + (20 * s), sigma: 0.06, seed: 1000 + s), []))
            .ToList();

        var result = RollingOriginBacktest.Run(series, Settings);

        Assert.All(result.Weeks, w =>
        {
            Assert.InRange(w.RelativeMae, 0.55, 0.85);
            Assert.InRange(w.Coverage, 0.75, 0.85);
            Assert.True(w.Mase < w.NaiveMase);
        });
    }
}
