using ModScope.Monitor;

namespace ModScope.Tests.Monitor;

public sealed class MonitorWindowTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    [Fact]
    public void The_daily_run_judges_the_last_complete_day_when_data_trail_the_as_of_day()
    {
        // Decisions complete through 18 Nov (the newest on the 20th less the two-day freshness lag): one day asked, the 18th judged.
        var window = MonitorWindow.For(AsOf, 1, new DateOnly(2026, 11, 18));

        Assert.Equal(new MonitorWindow(new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 18)), window);
    }

    [Fact]
    public void A_backfill_keeps_its_first_day_and_ends_at_the_last_complete_day()
    {
        // 7 days up to the 20th start on the 14th; the data are complete through the 18th.
        var window = MonitorWindow.For(AsOf, 7, new DateOnly(2026, 11, 18));

        Assert.Equal(new MonitorWindow(new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 18)), window);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2026-11-25")]
    public void Without_a_watermark_before_the_as_of_day_the_window_ends_on_it(string? completeThrough)
    {
        var window = MonitorWindow.For(AsOf, 3, completeThrough is null ? null : DateOnly.Parse(completeThrough, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new MonitorWindow(new DateOnly(2026, 11, 18), AsOf), window);
    }

    [Fact]
    public void A_window_of_no_days_is_one_day()
    {
        Assert.Equal(new MonitorWindow(AsOf, AsOf), MonitorWindow.For(AsOf, 0, null));
    }
}
