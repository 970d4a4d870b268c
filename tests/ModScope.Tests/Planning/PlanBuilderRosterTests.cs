using ModScope.Model;
using ModScope.Monitor.Calendar;
using ModScope.Planning;

namespace ModScope.Tests.Planning;

/// <summary>
/// The roster a plan repeats ahead leaves out the recent days inside a calendar event's window in the site's markets: on
/// the demo store (90 days to 2026-11-21) the last 28 days hold 11.11, when every site rostered for 1.8 times the work.
/// </summary>
public sealed class PlanBuilderRosterTests
{
    private static readonly DateOnly First = new(2026, 10, 25);
    private static readonly DateOnly Last = new(2026, 11, 21);

    [Fact]
    public void A_site_serving_a_sea_market_leaves_out_the_11_11_window_and_one_serving_the_us_keeps_every_day()
    {
        var calendar = EventCalendar.LoadDefault(ReferenceData.Shipped.Markets);
        var subjects = new[]
        {
            new Dictionary<string, string> { ["site"] = "KUL-ALPHA", ["queue"] = "MY-prelisting" },
            new Dictionary<string, string> { ["site"] = "AUS-INHOUSE", ["queue"] = "US-prelisting" },
        };

        var days = PlanBuilder.EventDays(subjects, calendar, ReferenceData.Shipped, First, Last);

        // catalog/events.yaml: singles_day_2026 in SEA, 11-11 with a lead day and two lag days; Black Friday's window
        // (11-24..11-27) for the US is after the last day.
        Assert.Equal(Enumerable.Range(10, 4).Select(d => new DateOnly(2026, 11, d)), days["KUL-ALPHA"].Order());
        Assert.Empty(days["AUS-INHOUSE"]);
    }

    [Fact]
    public void The_usual_roster_is_the_weekday_mean_without_the_event_days()
    {
        // 10 hours every day, 18 on the peak's four days (Tuesday 11-10 to Friday 11-13).
        var peak = Enumerable.Range(10, 4).Select(d => new DateOnly(2026, 11, d)).ToHashSet();
        var scheduled = Enumerable.Range(0, 28).Select(First.AddDays).ToDictionary(d => d, d => peak.Contains(d) ? 18.0 : 10.0);

        var usual = PlanBuilder.UsualRoster(scheduled, First, Last, peak);
        var all = PlanBuilder.UsualRoster(scheduled, First, Last, new HashSet<DateOnly>());

        Assert.All(usual, h => Assert.Equal(10.0, h, 9));
        // Kept, the peak day would raise its weekday's mean by 8 / 4 hours: (3 × 10 + 18) / 4 = 12.
        Assert.Equal(12.0, all[(int)DayOfWeek.Wednesday], 9);
        Assert.Equal(10.0, all[(int)DayOfWeek.Monday], 9);
    }

    [Fact]
    public void A_weekday_whose_every_day_is_an_event_day_keeps_them_all()
    {
        var scheduled = Enumerable.Range(0, 28).Select(First.AddDays).ToDictionary(d => d, d => d.DayOfWeek == DayOfWeek.Monday ? 6.0 : 10.0);
        var mondays = scheduled.Keys.Where(d => d.DayOfWeek == DayOfWeek.Monday).ToHashSet();

        Assert.Equal(6.0, PlanBuilder.UsualRoster(scheduled, First, Last, mondays)[(int)DayOfWeek.Monday], 9);
    }
}
