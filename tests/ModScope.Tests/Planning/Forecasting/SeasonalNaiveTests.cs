using ModScope.Planning.Forecasting;

namespace ModScope.Tests.Planning.Forecasting;

public sealed class SeasonalNaiveTests
{
    private static readonly DateOnly Last = new(2026, 3, 1);

    [Theory]
    [InlineData(1, -6)]  // the same weekday last week
    [InlineData(7, 0)]   // a week ahead: the last day itself
    [InlineData(8, -6)]  // the second week repeats the last observed week
    [InlineData(15, -6)]
    public void Each_day_ahead_takes_the_same_weekday_of_the_last_observed_week(int ahead, int source)
    {
        var history = Enumerable.Range(-13, 14).ToDictionary(i => Last.AddDays(i), i => (double)(100 + i));

        Assert.Equal(100.0 + source, SeasonalNaive.Forecast(history, Last, ahead));
    }

    [Fact]
    public void The_scale_is_the_mean_absolute_difference_a_week_apart()
    {
        // Pairs (day 7, day 0) … (day 9, day 2): |12−10|, |11−14|, |20−20| → (2 + 3 + 0) / 3.
        double[] values = [10, 14, 20, 1, 1, 1, 1, 12, 11, 20];
        var history = values.Select((v, i) => new DailyPoint(Last.AddDays(i), v)).ToList();

        Assert.Equal(5.0 / 3.0, SeasonalNaive.Scale(history)!.Value, 12);
    }

    [Fact]
    public void A_missing_weekday_gives_no_forecast()
    {
        Assert.Null(SeasonalNaive.Forecast(new Dictionary<DateOnly, double>(), Last, 3));
    }
}
