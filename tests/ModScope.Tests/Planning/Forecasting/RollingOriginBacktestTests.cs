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
