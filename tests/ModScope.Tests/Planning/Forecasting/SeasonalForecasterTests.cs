using ModScope.Planning.Forecasting;

namespace ModScope.Tests.Planning.Forecasting;

public sealed class SeasonalForecasterTests
{
    private static readonly ForecastSettings FourWeeks = new() { HorizonDays = 28 };

    [Fact]
    public void An_exact_weekly_pattern_is_forecast_as_the_pattern_with_no_spread()
    {
        var history = Series.WeeklyPattern(63, 1000);

        var forecast = SeasonalForecaster.Forecast(history, [], FourWeeks);

        Assert.Equal(28, forecast.Points.Count);
        foreach (var point in forecast.Points)
        {
            // The truth is 1000 × the weekday's factor; the model is exact for it, so every band collapses.
            var truth = 1000 * Series.Factor(point.Day);
            Close(truth, point.Value);
            Close(truth, point.Lower);
            Close(truth, point.Upper);
        }

        Assert.Equal(history[^1].Day.AddDays(1), forecast.Points[0].Day);
        Assert.True(forecast.Trend);
        Assert.False(forecast.Yearly);
    }

    [Fact]
    public void A_growing_series_is_extended_with_a_damped_trend()
    {
        // log(1 + y) = ln 200 + 0.01·t exactly, 70 days; ahead, the trend adds 0.01·Σ φ^i for i = 1..h (φ = 0.98).
        var history = Enumerable.Range(0, 70).Select(t => new DailyPoint(Series.Start.AddDays(t), (200 * Math.Exp(0.01 * t)) - 1)).ToList();
        var settings = new ForecastSettings { HorizonDays = 20, TrendDamping = 0.98 };

        var forecast = SeasonalForecaster.Forecast(history, [], settings);

        var carried = 0.0;
        for (var h = 1; h <= 20; h++)
        {
            carried += Math.Pow(0.98, h);
            var expected = (200 * Math.Exp(0.01 * (69 + carried))) - 1;
            Close(expected, forecast.Points[h - 1].Value);
        }
    }

    [Fact]
    public void Without_a_past_occurrence_the_calendar_uplift_applies_on_the_window()
    {
        var history = Series.WeeklyPattern(35, 500);
        var last = history[^1].Day;
        var sale = new ForecastEvent("sale", last.AddDays(3), last.AddDays(5), Uplift: 1.8);

        var forecast = SeasonalForecaster.Forecast(history, [sale], FourWeeks);

        foreach (var point in forecast.Points)
        {
            // The calendar's uplift multiplies the volume itself: ŷ = 1.8 · base inside the window.
            var plain = 500 * Series.Factor(point.Day);
            var expected = sale.Covers(point.Day) ? 1.8 * plain : plain;
            Close(expected, point.Value);
        }

        var use = Assert.Single(forecast.Events);
        Assert.Equal(new EventUse("sale", EventSource.Calendar, 1.8), use);
    }

    [Fact]
    public void An_uplift_seen_in_the_history_is_estimated_day_by_day_and_carried_to_the_next_occurrence()
    {
        // Ten weeks; the first occurrence (days 30–32) doubles, triples and doubles 1 + y; the next is 7 days ahead.
        var factors = new[] { 2.0, 3.0, 2.0 };
        var history = Series.WeeklyPattern(70, 400);
        var first = new ForecastEvent("sale", history[30].Day, history[32].Day, Uplift: 9.0);
        for (var i = 0; i < 3; i++)
        {
            history[30 + i] = history[30 + i] with { Value = (factors[i] * (1 + history[30 + i].Value)) - 1 };
        }

        var last = history[^1].Day;
        var next = new ForecastEvent("sale", last.AddDays(7), last.AddDays(9), Uplift: 9.0);

        var forecast = SeasonalForecaster.Forecast(history, [first, next], FourWeeks);

        for (var i = 0; i < 3; i++)
        {
            var point = forecast.Points[6 + i];
            Close((factors[i] * (1 + (400 * Series.Factor(point.Day)))) - 1, point.Value);
        }

        var use = Assert.Single(forecast.Events);
        Assert.Equal(EventSource.Estimated, use.Source);
        Close((2.0 + 3.0 + 2.0) / 3.0, use.Uplift);
    }

    [Fact]
    public void An_incident_week_in_the_history_barely_moves_the_forecast()
    {
        var history = Series.WeeklyPattern(84, 2000, sigma: 0.02, seed: 5);
        for (var i = 50; i < 57; i++)
        {
            history[i] = history[i] with { Value = history[i].Value * 2.5 };
        }

        var forecast = SeasonalForecaster.Forecast(history, [], FourWeeks);

        foreach (var point in forecast.Points)
        {
            Assert.InRange(point.Value / (2000 * Series.Factor(point.Day)), 0.97, 1.03);
        }
    }

    [Fact]
    public void The_mean_of_small_poisson_counts_is_their_expected_value()
    {
        // 200 series of 112 days, Poisson with mean 2 × the weekday factor (the small queues of generated data): the
        // expected value of each forecast day is known, 2 × factor. Pooled over 200 × 28 days the forecast's mean should hit
        // it within 3% (one series' level rests on ~100 days of Poisson(2), a relative error of about 1/√200 = 7%; pooled
        // over 200 independent series about 0.5%). The log-normal mean exp(μ + σ²/2) − 1 missed it (see the README).
        var (forecastSum, truthSum) = (0.0, 0.0);
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(5000 + seed);
            var history = Enumerable.Range(0, 112)
                .Select(i => Series.Start.AddDays(i))
                .Select(day => new DailyPoint(day, MathNet.Numerics.Distributions.Poisson.Sample(random, 2.0 * Series.Factor(day))))
                .ToList();
            var forecast = SeasonalForecaster.Forecast(history, [], FourWeeks);
            forecastSum += forecast.Points.Sum(p => p.Mean);
            truthSum += forecast.Points.Sum(p => 2.0 * Series.Factor(p.Day));
        }

        Assert.InRange(forecastSum / truthSum, 0.97, 1.03);
    }

    [Fact]
    public void The_mean_of_log_normal_values_is_their_expected_value()
    {
        // y = 1000 × factor × exp(0.3 Z): E[y] = 1000 × factor × exp(0.3² / 2) (the log-normal mean), 4.6% above the median.
        var (forecastSum, truthSum) = (0.0, 0.0);
        for (var seed = 0; seed < 60; seed++)
        {
            var forecast = SeasonalForecaster.Forecast(Series.WeeklyPattern(112, 1000, sigma: 0.3, seed: 7000 + seed), [], FourWeeks);
            forecastSum += forecast.Points.Sum(p => p.Mean);
            truthSum += forecast.Points.Sum(p => 1000 * Series.Factor(p.Day) * Math.Exp(0.3 * 0.3 / 2));
        }

        Assert.InRange(forecastSum / truthSum, 0.98, 1.02);
    }

    [Fact]
    public void Eighty_percent_intervals_cover_about_eighty_percent_of_new_values()
    {
        // 300 series of 112 days with log-normal noise σ = 0.1; the next 28 days of each drawn from the same process.
        var (covered, total) = (0, 0);
        for (var seed = 0; seed < 300; seed++)
        {
            var all = Series.WeeklyPattern(140, 300, sigma: 0.1, seed: seed + 100);
            var forecast = SeasonalForecaster.Forecast(all.Take(112).ToList(), [], FourWeeks);
            foreach (var (point, actual) in forecast.Points.Zip(all.Skip(112)))
            {
                total++;
                covered += actual.Value >= point.Lower && actual.Value <= point.Upper ? 1 : 0;
            }
        }

        Assert.InRange((double)covered / total, 0.77, 0.83);
    }

    [Fact]
    public void Yearly_seasonality_is_fitted_from_two_years_of_history()
    {
        // 1 + y = 1000 · exp(0.3·sin(2π·d/365.25)): one Fourier pair on the log scale, which the model holds exactly.
        static double Truth(DateOnly day) => (1000 * Math.Exp(0.3 * Math.Sin(2 * Math.PI * day.DayNumber / 365.25))) - 1;
        var history = Enumerable.Range(0, 800).Select(i => Series.Start.AddDays(i)).Select(d => new DailyPoint(d, Truth(d))).ToList();

        var forecast = SeasonalForecaster.Forecast(history, [], new ForecastSettings { HorizonDays = 56 });
        var shortOne = SeasonalForecaster.Forecast(history.TakeLast(400).ToList(), [], new ForecastSettings { HorizonDays = 7 });

        Assert.True(forecast.Yearly);
        Assert.False(shortOne.Yearly);
        foreach (var point in forecast.Points)
        {
            Close(Truth(point.Day), point.Value);
        }
    }

    [Fact]
    public void A_history_too_short_is_refused_with_the_rule()
    {
        var error = Assert.Throws<ArgumentException>(() => SeasonalForecaster.Forecast(Series.WeeklyPattern(20, 10), [], FourWeeks));
        Assert.Contains("at least 21 days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_value_is_refused_naming_its_day()
    {
        var history = Series.WeeklyPattern(30, 10);
        history[4] = history[4] with { Value = -1 };

        var error = Assert.Throws<ArgumentException>(() => SeasonalForecaster.Forecast(history, [], FourWeeks));
        Assert.Contains(history[4].Day.ToString("yyyy-MM-dd"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_out_of_order_are_refused_naming_both()
    {
        var history = Series.WeeklyPattern(30, 10);
        (history[10], history[11]) = (history[11], history[10]);

        var error = Assert.Throws<ArgumentException>(() => SeasonalForecaster.Forecast(history, [], FourWeeks));
        Assert.Contains(history[11].Day.ToString("yyyy-MM-dd"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_out_of_range_is_named()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SeasonalForecaster.Forecast(Series.WeeklyPattern(30, 10), [], new ForecastSettings { IntervalLevel = 1.2 }));
        Assert.Contains("IntervalLevel", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Equal to one part in a million: the fit goes through normal equations with a vanishing ridge.</summary>
    private static void Close(double expected, double actual) =>
        Assert.InRange(actual, expected - (1e-6 * Math.Abs(expected)), expected + (1e-6 * Math.Abs(expected)));
}
