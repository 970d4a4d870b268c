using ModScope.Monitor.Quality;
using ModScope.Tests.Support;

namespace ModScope.Tests.Monitor.Quality;

/// <summary>
/// The volume baseline judged in C# (so DuckDB and ClickHouse judge alike): median and MAD of ln(n + 1) over the same
/// weekday of the trailing weeks, interpolated between the two middle values as DuckDB's <c>median</c> and <c>mad</c>.
/// </summary>
public sealed class VolumeBaselineTests
{
    private static readonly DateOnly Monday = new(2026, 6, 1);

    [Fact]
    public void A_silent_day_is_judged_against_the_interpolated_median_and_MAD_of_its_weekday()
    {
        // Four Mondays with 3, 6, 9 and 14 rows (ln of 4, 7, 10, 15), then a fifth Monday with none.
        var daily = new Dictionary<(string, DateOnly), long>
        {
            [("s", Monday)] = 9, [("s", Monday.AddDays(7))] = 3, [("s", Monday.AddDays(14))] = 14, [("s", Monday.AddDays(21))] = 6,
        };
        var settings = new VolumeSettings { BaselineWeeks = 4, MinBaselineWeeks = 4, RobustZ = 3, MinExpectedRows = 5 };

        var judged = VolumeBaseline.Judge(daily, Monday, Monday.AddDays(29), Monday.AddDays(28), settings);

        // By hand: centre = (ln 7 + ln 10) / 2; deviations sorted (ln 10 − ln 7)/2 twice, ln 15 − centre, centre − ln 4.
        var centre = (Math.Log(7) + Math.Log(10)) / 2;
        var mad = ((Math.Log(10) - Math.Log(7)) / 2 + (Math.Log(15) - centre)) / 2;
        var day = Assert.Single(judged);
        Assert.Equal(("s", Monday.AddDays(28), 0L), (day.Segment, day.Day, day.Rows));
        Assert.Equal(Math.Sqrt(70) - 1, day.Expected, 12);
        Assert.Equal(-centre / (1.4826 * mad), day.Z, 12);

        // DuckDB's own median and mad of the same values agree.
        using var temp = new TempStore();
        var row = temp.Rows("SELECT median(x), mad(x) FROM (VALUES (ln(10)), (ln(4)), (ln(15)), (ln(7))) t(x)").Single();
        Assert.Equal((double)row[0]!, centre, 12);
        Assert.Equal((double)row[1]!, mad, 12);
    }

    [Fact]
    public void Too_few_weeks_of_history_are_not_judged()
    {
        var daily = new Dictionary<(string, DateOnly), long> { [("s", Monday)] = 40, [("s", Monday.AddDays(7))] = 40 };

        Assert.Empty(VolumeBaseline.Judge(daily, Monday, Monday.AddDays(15), Monday.AddDays(14), new VolumeSettings()));
    }
}
