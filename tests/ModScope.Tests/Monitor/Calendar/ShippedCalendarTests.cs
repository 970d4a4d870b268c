using ModScope.Monitor.Calendar;

namespace ModScope.Tests.Monitor.Calendar;

/// <summary>The shipped catalog/events.yaml loads, and answers the lookups the monitor relies on.</summary>
public sealed class ShippedCalendarTests
{
    private static readonly EventCalendar Shipped = EventCalendar.LoadDefault(ModScope.Model.ReferenceData.Shipped.Markets);

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_shipped_calendar_loads_with_every_event_named_in_both_languages()
    {
        Assert.True(Shipped.Events.Count >= 27, $"{Shipped.Events.Count} events");
        Assert.All(Shipped.Events, e => Assert.False(string.IsNullOrWhiteSpace(e.Name.En) || string.IsNullOrWhiteSpace(e.Name.ZhHans), e.Id));
        Assert.Equal("双十一", Shipped.Find("singles_day_2026")!.Name.ZhHans);
    }

    [Fact]
    public void The_embedded_calendar_is_the_file_in_the_repository()
    {
        var file = EventCalendar.Load(ModScope.Model.ReferenceData.Shipped.Markets, Support.RepoPaths.Combine("catalog", "events.yaml"));

        Assert.Equal(Shipped.Events.Select(e => e.Id), file.Events.Select(e => e.Id));
    }

    [Fact]
    public void Singles_day_is_active_in_Indonesia_on_11_11_but_not_in_the_US()
    {
        var day = Day("2026-11-11");

        Assert.Contains(Shipped.ActiveOn(day, "ID"), e => e.Id == "singles_day_2026");
        Assert.DoesNotContain(Shipped.ActiveOn(day, "US"), e => e.Id == "singles_day_2026");
        Assert.Contains(Shipped.ActiveOn(day, null), e => e.Id == "singles_day_2026");
    }

    [Theory]
    [InlineData("black_friday_2025", "2025-11-28", "cyber_monday_2025", "2025-12-01")]
    [InlineData("black_friday_2026", "2026-11-27", "cyber_monday_2026", "2026-11-30")]
    [InlineData("black_friday_2027", "2027-11-26", "cyber_monday_2027", "2027-11-29")]
    public void Black_friday_is_the_day_after_the_fourth_thursday_of_november_and_cyber_monday_three_days_later(
        string blackFriday, string fridayText, string cyberMonday, string mondayText)
    {
        // Fourth Thursday of November, counted from the first of the month, plus one day.
        var first = Day(fridayText[..4] + "-11-01");
        var thanksgiving = first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7 + 21);
        Assert.Equal(thanksgiving.AddDays(1), Day(fridayText));
        Assert.Equal(Day(fridayText).AddDays(3), Day(mondayText));

        Assert.Equal(Day(fridayText), Shipped.Find(blackFriday)!.Start);
        Assert.Equal(Day(mondayText), Shipped.Find(cyberMonday)!.Start);
        Assert.Contains(Shipped.ActiveOn(Day(fridayText), "US"), e => e.Id == blackFriday);
        Assert.Contains(Shipped.ActiveOn(Day(fridayText), "GB"), e => e.Id == blackFriday);
        Assert.DoesNotContain(Shipped.ActiveOn(Day(fridayText), "ID"), e => e.Id == blackFriday);
    }

    [Fact]
    public void Ramadan_2026_covers_mid_february_to_mid_march_in_Indonesia_and_Saudi_Arabia_but_not_in_Thailand()
    {
        Assert.True(Shipped.IsActive(Day("2026-03-01"), "SA"));
        Assert.Contains(Shipped.ActiveOn(Day("2026-02-18"), "ID"), e => e.Id == "ramadan_2026");
        Assert.DoesNotContain(Shipped.ActiveOn(Day("2026-03-01"), "TH"), e => e.Id == "ramadan_2026");
        Assert.Equal(VolumeEffect.Down, Shipped.Find("eid_al_fitr_2026")!.Effect.Volume);
    }

    [Fact]
    public void Lead_and_lag_days_widen_the_days_an_event_is_active()
    {
        var singlesDay = Shipped.Find("singles_day_2026")!;

        Assert.Equal(Day("2026-11-11").AddDays(-singlesDay.Effect.LeadDays), singlesDay.EffectStart);
        Assert.True(Shipped.IsActive(singlesDay.EffectEnd, "ID"));
        Assert.DoesNotContain(Shipped.ActiveOn(singlesDay.EffectEnd.AddDays(1), "ID"), e => e.Id == "singles_day_2026");
        Assert.Contains(Shipped.ActiveOn(Day("2026-02-10"), "VN"), e => e.Id == "lunar_new_year_2026");
    }

    [Fact]
    public void A_quiet_day_has_no_events_and_an_unknown_market_is_refused_with_a_near_match()
    {
        Assert.False(Shipped.IsActive(Day("2026-07-15"), "US"));

        var error = Assert.Throws<ArgumentException>(() => Shipped.ActiveOn(Day("2026-11-11"), "UD"));
        Assert.Contains("'UD'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean", error.Message, StringComparison.Ordinal);
    }
}
