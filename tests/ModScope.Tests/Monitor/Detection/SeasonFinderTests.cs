using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>The season is found from the data; a series without one gets none.</summary>
public sealed class SeasonFinderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Hourly_data_with_a_daily_cycle_has_a_season_of_24(int seed)
    {
        var result = SeriesDetector.Detect(new SeriesGenerator(seed).HourlyWithDailyCycle(1000));

        Assert.Equal(TimeSpan.FromHours(1), result.Interval);
        Assert.Equal(24, result.Period);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Daily_data_with_a_weekly_cycle_has_a_season_of_7(int seed)
    {
        var result = SeriesDetector.Detect(new SeriesGenerator(seed).DailyWithWeeklyCycle(365));

        Assert.Equal(TimeSpan.FromDays(1), result.Interval);
        Assert.Equal(7, result.Period);
    }

    [Fact]
    public void Five_minute_data_with_a_daily_cycle_has_a_season_of_288()
    {
        var result = SeriesDetector.Detect(new SeriesGenerator(1).FiveMinutesWithDailyCycle(288 * 5));

        Assert.Equal(TimeSpan.FromMinutes(5), result.Interval);
        Assert.Equal(288, result.Period);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void White_noise_has_no_season(int seed)
    {
        var result = SeriesDetector.Detect(new SeriesGenerator(seed).WhiteNoise(3000));

        Assert.Null(result.Period);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void With_irregular_timestamps_and_gaps_the_season_found_spans_a_day(int seed)
    {
        // Gaps of 45 to 75 minutes make the measured interval a little off 60 minutes, so the season in intervals
        // may be 23 to 25; in time it must be a day, to within one interval.
        var result = SeriesDetector.Detect(new SeriesGenerator(seed).IrregularHourlyWithGaps(1000));

        Assert.NotNull(result.Period);
        var season = result.Interval * result.Period.Value;
        Assert.True((season - TimeSpan.FromDays(1)).Duration() <= result.Interval, $"season of {result.Period} × {result.Interval} = {season}");
    }

    [Fact]
    public void A_given_period_is_used_as_is()
    {
        var result = SeriesDetector.Detect(new SeriesGenerator(1).WhiteNoise(500), new DetectorSettings { Period = 12 });

        Assert.Equal(12, result.Period);
    }
}
