using ModScope.Catalog;
using ModScope.Monitor.Calendar;

namespace ModScope.Tests.Monitor.Calendar;

/// <summary>An event's optional <c>effect.uplift</c>: read as a number, refused unless positive, written back by append.</summary>
public sealed class CalendarUpliftTests
{
    private static EventCalendar Parse(string text) => EventCalendar.Parse(ModScope.Model.ReferenceData.Shipped.Markets, text, "events-uplift.yaml");

    private static string File(string uplift) => $$"""
        version: 1
        events:
          - id: flash_sale
            name: {en: Flash sale, zh-Hans: 闪购}
            markets: [SEA]
            start: 2026-06-06
            effect: {volume: up, lead_days: 1, uplift: {{uplift}}}
          - id: holiday
            name: {en: Holiday, zh-Hans: 假日}
            markets: [US]
            start: 2026-07-04
            effect: {volume: down}
        """;

    [Fact]
    public void An_uplift_is_read_and_an_event_without_one_has_none()
    {
        var calendar = Parse(File("1.8"));

        Assert.Equal(1.8, calendar.Events[0].Effect.Uplift);
        Assert.Null(calendar.Events[1].Effect.Uplift);
    }

    [Theory]
    [InlineData("0", "is not a volume factor")]
    [InlineData("-1.5", "is not a volume factor")]
    [InlineData("lots", "is not a number")]
    public void A_bad_uplift_is_reported_with_file_line_and_field(string uplift, string message)
    {
        var error = Assert.Throws<CatalogException>(() => Parse(File(uplift)));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(("events-uplift.yaml", 7, "events.flash_sale.effect.uplift"), (issue.File, issue.Line, issue.Field));
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
    }

    private static string Peak(string effect) => $$"""
        version: 1
        events:
          - id: mega_sale
            name: {en: Mega sale, zh-Hans: 大促}
            markets: [SEA]
            start: 2026-11-11
            end: 2026-11-12
            effect: {{effect}}
        """;

    [Fact]
    public void The_peak_days_are_the_lead_days_the_event_days_and_the_uplift_lag_days()
    {
        // Start 11-11, end 11-12, lead 1, lag 3: window 11-10..11-15. uplift_lag_days 1 → peak 11-10..11-13;
        // left out → all three lag days, 11-10..11-15; 0 → 11-10..11-12.
        var one = Parse(Peak("{volume: up, lead_days: 1, lag_days: 3, uplift: 2, uplift_lag_days: 1}")).Events[0];
        var all = Parse(Peak("{volume: up, lead_days: 1, lag_days: 3, uplift: 2}")).Events[0];
        var none = Parse(Peak("{volume: up, lead_days: 1, lag_days: 3, uplift: 2, uplift_lag_days: 0}")).Events[0];

        Assert.Equal((new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 15)), (one.EffectStart, one.EffectEnd));
        Assert.Equal(new DateOnly(2026, 11, 13), one.UpliftEnd);
        Assert.Equal(new DateOnly(2026, 11, 15), all.UpliftEnd);
        Assert.Equal(new DateOnly(2026, 11, 12), none.UpliftEnd);
        Assert.False(one.InUplift(new DateOnly(2026, 11, 9)));
        Assert.True(one.InUplift(new DateOnly(2026, 11, 10)));
        Assert.True(one.InUplift(new DateOnly(2026, 11, 13)));
        Assert.False(one.InUplift(new DateOnly(2026, 11, 14)));
        Assert.True(one.Covers(new DateOnly(2026, 11, 14)));
        // No uplift, no peak days (the window still counts for the monitor).
        Assert.False(Parse(File("1.8")).Events[1].InUplift(new DateOnly(2026, 7, 4)));
    }

    [Theory]
    [InlineData("{volume: up, lag_days: 2, uplift: 2, uplift_lag_days: 3}", "is not between 0 and lag_days (2)")]
    [InlineData("{volume: up, lag_days: 2, uplift: 2, uplift_lag_days: -1}", "is not between 0 and lag_days (2)")]
    [InlineData("{volume: up, lag_days: 2, uplift_lag_days: 1}", "without an uplift")]
    [InlineData("{volume: up, lag_days: 2, uplift: 2, uplift_lag_days: 1.5}", "is not a whole number of days")]
    public void A_bad_uplift_lag_days_is_reported_with_file_line_and_field(string effect, string message)
    {
        var error = Assert.Throws<CatalogException>(() => Parse(Peak(effect)));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(("events-uplift.yaml", 8, "events.mega_sale.effect.uplift_lag_days"), (issue.File, issue.Line, issue.Field));
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_appended_event_keeps_its_uplift_lag_days()
    {
        var sale = Parse(Peak("{volume: up, lead_days: 1, lag_days: 3, uplift: 2, uplift_lag_days: 1}")).Events[0];

        var again = Parse("version: 1\nevents:\n" + CalendarWriter.Entry(sale, 2)).Events[0];

        Assert.Equal((2.0, (int?)1, new DateOnly(2026, 11, 13)), (again.Effect.Uplift!.Value, again.Effect.UpliftLagDays, again.UpliftEnd));
    }

    [Fact]
    public void An_appended_event_keeps_its_uplift()
    {
        var sale = Parse(File("1.25")).Events[0];

        var again = Parse("version: 1\nevents:\n" + CalendarWriter.Entry(sale, 2));

        Assert.Equal(1.25, again.Events[0].Effect.Uplift);
    }
}
