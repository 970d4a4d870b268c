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

    [Fact]
    public void An_appended_event_keeps_its_uplift()
    {
        var sale = Parse(File("1.25")).Events[0];

        var again = Parse("version: 1\nevents:\n" + CalendarWriter.Entry(sale, 2));

        Assert.Equal(1.25, again.Events[0].Effect.Uplift);
    }
}
