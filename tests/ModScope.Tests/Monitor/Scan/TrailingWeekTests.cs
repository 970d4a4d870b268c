using ModScope.Monitor.Scan;
using ModScope.Query;

namespace ModScope.Tests.Monitor.Scan;

public sealed class TrailingWeekTests
{
    private static readonly DateOnly Day = new(2026, 10, 10);

    private static MetricResult Row(DateOnly day, double numerator, double denominator, double audits) =>
        new("over_enforcement_rate", day.ToDateTime(TimeOnly.MinValue), new Dictionary<string, string?>(), numerator / denominator, numerator, denominator, audits, null);

    [Fact]
    public void The_rate_pools_the_seven_days_up_to_the_day_and_counts_their_audits()
    {
        var byDay = new Dictionary<DateOnly, MetricResult>
        {
            [Day] = Row(Day, 3, 100, 20),
            [Day.AddDays(-3)] = Row(Day.AddDays(-3), 1, 50, 10),
            [Day.AddDays(-6)] = Row(Day.AddDays(-6), 0, 50, 10),
            [Day.AddDays(-7)] = Row(Day.AddDays(-7), 40, 40, 40), // eight days back: outside the week
        };

        var (value, sample) = TrailingWeek.Pool(byDay, Day);

        Assert.Equal((3.0 + 1 + 0) / (100 + 50 + 50), value, 12);
        Assert.Equal(40.0, sample);
    }

    [Fact]
    public void The_trials_are_the_days_effective_sample_sizes_where_the_estimate_is_weighted()
    {
        var byDay = new Dictionary<DateOnly, MetricResult>
        {
            [Day] = Row(Day, 3, 100, 20) with { EffectiveSampleSize = 12.5 },
            [Day.AddDays(-1)] = Row(Day.AddDays(-1), 1, 50, 10) with { EffectiveSampleSize = 4 },
            [Day.AddDays(-2)] = Row(Day.AddDays(-2), 1, 50, 10),
        };

        var (_, sample) = TrailingWeek.Pool(byDay, Day);

        Assert.Equal(12.5 + 4 + 10, sample);
    }

    [Fact]
    public void A_week_without_a_denominator_has_no_rate()
    {
        var (value, sample) = TrailingWeek.Pool(new Dictionary<DateOnly, MetricResult>(), Day);

        Assert.True(double.IsNaN(value));
        Assert.Null(sample);
    }
}
