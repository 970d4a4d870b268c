using ModScope.Model;
using ModScope.Monitor.Calendar;
using ModScope.Planning;
using ModScope.Planning.Forecasting;
using ModScope.Tests.Planning.Forecasting;

namespace ModScope.Tests.Planning;

/// <summary>The shipped calendar's 11.11 uplift reaches the forecast for a series whose history never saw an 11.11.</summary>
public sealed class CalendarEventsTests
{
    private static readonly EventCalendar Shipped = EventCalendar.LoadDefault(ReferenceData.Shipped.Markets);

    private static readonly ForecastSettings FourWeeks = new() { HorizonDays = 28 };

    [Fact]
    public void The_calendar_uplift_is_passed_to_the_events_that_give_one()
    {
        var events = CalendarEvents.For(Shipped, "ID");

        // catalog/events.yaml: singles_day_20xx has uplift 1.8 and a window 11-10..11-13 (lead 1, lag 2), the uplift on
        // the lead day, the day and one lag day (uplift_lag_days 1): 11-10..11-12; 9.9 has none.
        var singles = Assert.Single(events, e => e.Start == new DateOnly(2026, 11, 10));
        Assert.Equal(("singles_day", new DateOnly(2026, 11, 13), 1.8, (DateOnly?)new DateOnly(2026, 11, 12)), (singles.Family, singles.End, singles.Uplift, singles.UpliftEnd));
        Assert.Null(Assert.Single(events, e => e.Start == new DateOnly(2026, 9, 8)).Uplift);
    }

    [Fact]
    public void A_series_without_a_past_11_11_gets_the_calendar_factor_on_the_peak_days()
    {
        // The evaluation's setting: 63 days from 2026-08-24 (last day 2026-10-25), four weeks ahead.
        var history = Series.WeeklyPattern(63, 300, start: new DateOnly(2026, 8, 24));
        var events = CalendarEvents.For(Shipped, "ID");
        var without = events.Select(e => e with { Uplift = null }).ToArray();

        var forecast = SeasonalForecaster.Forecast(history, events, FourWeeks);
        var usual = SeasonalForecaster.Forecast(history, without, FourWeeks);

        // The peak: lead day 11-10, the day 11-11, one of the two lag days 11-12; the window's 11-13 is not raised.
        var peak = new HashSet<DateOnly>([new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 12)]);
        Assert.Equal(3, forecast.Points.Count(p => peak.Contains(p.Day)));
        Assert.Contains(forecast.Points, p => p.Day == new DateOnly(2026, 11, 13));
        for (var i = 0; i < forecast.Points.Count; i++)
        {
            // On the peak's days ŷ (and its bounds) is 1.8 times the usual day's, on every other day (11-13 too) the same.
            var factor = peak.Contains(forecast.Points[i].Day) ? 1.8 : 1.0;
            Assert.Equal(factor * usual.Points[i].Value, forecast.Points[i].Value, 6);
            Assert.Equal(factor * usual.Points[i].Upper, forecast.Points[i].Upper, 6);
        }

        Assert.Contains(new EventUse("singles_day", EventSource.Calendar, 1.8), forecast.Events);
    }

    [Fact]
    public void With_a_past_11_11_the_history_estimate_wins_over_the_calendar()
    {
        // Fourteen months from 2025-08-25 (a Monday) to 2026-10-25, with 11.11 2025's window at 3 × (1 + y): the history says 3, not 1.8.
        var history = Series.WeeklyPattern(427, 300, start: new DateOnly(2025, 8, 25));
        var events = CalendarEvents.For(Shipped, "ID");
        var past = events.Single(e => e.Family == "singles_day" && e.Start.Year == 2025);
        for (var i = 0; i < history.Count; i++)
        {
            if (past.Covers(history[i].Day))
            {
                history[i] = history[i] with { Value = (3.0 * (1 + history[i].Value)) - 1 };
            }
        }

        var last = history[^1].Day;
        Assert.True(last < new DateOnly(2026, 11, 10) && last.AddDays(28) > new DateOnly(2026, 11, 13), "the 2026 window is ahead, inside four weeks");
        var forecast = SeasonalForecaster.Forecast(history, events, FourWeeks);

        var use = Assert.Single(forecast.Events, u => u.Family == "singles_day");
        Assert.Equal(EventSource.Estimated, use.Source);
        Assert.Equal(3.0, use.Uplift, 2);
    }
}
