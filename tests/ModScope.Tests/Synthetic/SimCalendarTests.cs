using ModScope.Synthetic;

namespace ModScope.Tests.Synthetic;

/// <summary>The generator's peak is the shipped calendar's sized event: 11.11 in SEA, ×1.8 on November 10–12.</summary>
public sealed class SimCalendarTests
{
    [Fact]
    public void The_peak_factor_is_the_calendar_uplift_on_the_event_window_in_its_markets()
    {
        // catalog/events.yaml, singles_day_2026: markets [SEA], 2026-11-11 with lead_days 1 and lag_days 2, uplift 1.8;
        // raised on the lead day, the day and uplift_lag_days (1) of the lag days: November 10-12 (the 13th is spill-over).
        var window = Enumerable.Range(10, 3).Select(d => new DateOnly(2026, 11, d)).ToArray();
        Assert.All(window, d => Assert.Equal(1.8, SimCalendar.PeakFactor(d, "ID")));
        Assert.All(window, d => Assert.Equal(1.8, SimCalendar.PeakFactor(d, "VN")));
        Assert.All(window, d => Assert.Equal(1.0, SimCalendar.PeakFactor(d, "US")));
        Assert.Equal(1.0, SimCalendar.PeakFactor(new DateOnly(2026, 11, 9), "ID"));
        Assert.Equal(1.0, SimCalendar.PeakFactor(new DateOnly(2026, 11, 13), "ID"));
        // 9.9 gives no uplift in the calendar, so the generator plants none.
        Assert.Equal(1.0, SimCalendar.PeakFactor(new DateOnly(2026, 9, 9), "ID"));
        Assert.All(window, d => Assert.True(SimCalendar.IsPeak(d)));
        Assert.False(SimCalendar.IsPeak(new DateOnly(2026, 11, 13)));
    }

    [Fact]
    public void The_generator_and_the_forecast_raise_the_same_days()
    {
        // One definition (CalendarEvent.UpliftEnd): the days the forecast multiplies by the uplift are the generator's.
        var calendar = ModScope.Monitor.Calendar.EventCalendar.LoadDefault(ModScope.Model.ReferenceData.Shipped.Markets);
        var events = ModScope.Planning.CalendarEvents.For(calendar, "ID");
        var days = Enumerable.Range(0, 120).Select(d => new DateOnly(2026, 9, 1).AddDays(d)).ToArray();

        var forecastPeak = days.Where(d => events.Any(e => e.InUplift(d))).ToArray();
        var generatedPeak = days.Where(d => SimCalendar.PeakFactor(d, "ID") > 1.0).ToArray();

        Assert.Equal([new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 12)], forecastPeak);
        Assert.Equal(forecastPeak, generatedPeak);
    }
}
