using ModScope.Planning;
using ModScope.Planning.Forecasting;
using ModScope.Query;

namespace ModScope.Tests.Planning;

public sealed class PlanningReaderTests
{
    private static readonly DateOnly First = new(2026, 9, 1);

    private static MetricResult Row(string queue, int day, double value) =>
        new("m", First.AddDays(day).ToDateTime(TimeOnly.MinValue), new Dictionary<string, string?> { ["queue"] = queue }, value, null, null, null, null);

    [Fact]
    public void A_count_series_gets_every_day_with_zero_where_the_store_had_no_row()
    {
        var rows = new[] { Row("B", 0, 5), Row("A", 2, 3), Row("A", 0, 1) };

        var series = PlanningReader.Series(rows, ["queue"], First, First.AddDays(2), zeroFill: true);

        Assert.Equal(["A", "B"], series.Select(s => s.Subject["queue"]));
        Assert.Equal([new DailyPoint(First, 1), new DailyPoint(First.AddDays(1), 0), new DailyPoint(First.AddDays(2), 3)], series[0].Points);
        Assert.Equal([5.0, 0.0, 0.0], series[1].Points.Select(p => p.Value));
        Assert.Equal("queue=A", series[0].Label);
    }

    [Fact]
    public void A_mean_series_leaves_out_the_days_without_a_row()
    {
        var series = PlanningReader.Series([Row("A", 0, 70), Row("A", 2, 80)], ["queue"], First, First.AddDays(2), zeroFill: false);

        Assert.Equal([First, First.AddDays(2)], series.Single().Points.Select(p => p.Day));
    }

    [Theory]
    [InlineData("singles_day_2026", "singles_day")]
    [InlineData("mega_sale_9_9_2025", "mega_sale_9_9")]
    [InlineData("ramadan", "ramadan")]
    public void Calendar_events_of_different_years_are_one_family(string id, string family) =>
        Assert.Equal(family, CalendarEvents.Family(id));
}
