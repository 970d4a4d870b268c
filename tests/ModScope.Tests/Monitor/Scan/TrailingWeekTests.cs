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
        Assert.Equal(40.0, sample!.Value, 9);
    }

    [Fact]
    public void The_trials_combine_the_days_effective_sample_sizes_by_their_share_of_the_week()
    {
        var byDay = new Dictionary<DateOnly, MetricResult>
        {
            [Day] = Row(Day, 3, 100, 20) with { EffectiveSampleSize = 12.5 },
            [Day.AddDays(-1)] = Row(Day.AddDays(-1), 1, 50, 10) with { EffectiveSampleSize = 4 },
            [Day.AddDays(-2)] = Row(Day.AddDays(-2), 1, 50, 10),
        };

        var (_, sample) = TrailingWeek.Pool(byDay, Day);

        // Shares of the weighted denominator 100/200, 50/200, 50/200: 1 / (0.25/12.5 + 0.0625/4 + 0.0625/10) = 1 / 0.041875.
        Assert.Equal(1 / 0.041875, sample!.Value, 9);
    }

    [Fact]
    public void One_heavily_weighted_day_carries_the_week_and_its_small_effective_size()
    {
        // Six days of 30 audits at weight 2 (denominator 60), and one day whose single audit of a big stratum weighs
        // 200 (denominator 60 + 200, effective size 2): the pooled rate is mostly that audit.
        var byDay = Enumerable.Range(0, 7).ToDictionary(back => Day.AddDays(-back),
            back => back == 3 ? Row(Day.AddDays(-back), 200, 260, 31) with { EffectiveSampleSize = 2 } : Row(Day.AddDays(-back), 2, 60, 30));

        var (value, sample) = TrailingWeek.Pool(byDay, Day);

        Assert.Equal((200.0 + (6 * 2)) / (260 + (6 * 60)), value, 12);
        var expected = 1 / ((Math.Pow(260.0 / 620, 2) / 2) + (6 * Math.Pow(60.0 / 620, 2) / 30));
        Assert.Equal(expected, sample!.Value, 9);
        Assert.True(sample < 12, $"The week's effective size {sample} should stay near the heavy day's, far below the 211 audits.");
    }

    [Fact]
    public void A_week_without_a_denominator_has_no_rate()
    {
        var (value, sample) = TrailingWeek.Pool(new Dictionary<DateOnly, MetricResult>(), Day);

        Assert.True(double.IsNaN(value));
        Assert.Null(sample);
    }
}
