using ModScope.Catalog;
using ModScope.Common;
using ModScope.Monitor.Calendar;

namespace ModScope.Tests.Monitor.Calendar;

/// <summary>A broken events file reports every problem at once, each with its file, line and field.</summary>
public sealed class CalendarValidationTests
{
    private const string Broken = """
        version: 1
        events:
          - id: flash_sale
            name: {en: Flash sale, zh-Hans: 闪购}
            markets: [ID, XX]
            start: 2026-06-06
            end: 2026-06-05
            effect: {volume: up}
          - id: flash_sale
            name: {en: Flash sale again}
            markets: [SEAA]
            start: 2026-07-07
            effect: {volume: upp, lead_days: 1.5}
          - id: holiday
            name: {en: Holiday, zh-Hans: 假日}
            markets: [US]
            start: 2026-13-01
            effect: {volume: down}
            colour: red
        """;

    private static CatalogException Load() => Assert.Throws<CatalogException>(() => EventCalendar.Parse(ModScope.Model.ReferenceData.Shipped.Markets, Broken, "events-broken.yaml"));

    private static CatalogIssue Find(CatalogException error, string field, string messagePart) =>
        Assert.Single(error.Issues, i => i.Field == field && i.Message.Contains(messagePart, StringComparison.Ordinal));

    [Fact]
    public void An_unknown_market_is_reported_on_its_line_with_the_file_name()
    {
        var issue = Find(Load(), "events.flash_sale.markets", "unknown market or region 'XX'");

        Assert.Equal(5, issue.Line);
        Assert.Equal("events-broken.yaml", issue.File);
    }

    [Fact]
    public void An_unknown_region_is_reported_with_a_near_match()
    {
        var issue = Find(Load(), "events.flash_sale.markets", "'SEAA'");

        Assert.Equal(11, issue.Line);
        Assert.Contains("did you mean 'SEA'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_end_before_the_start_is_reported_on_the_end_line()
    {
        Assert.Equal(7, Find(Load(), "events.flash_sale.end", "end 2026-06-05 is before start 2026-06-06").Line);
    }

    [Fact]
    public void A_duplicate_id_and_a_missing_translation_are_both_reported()
    {
        var error = Load();

        Assert.Equal(9, Find(error, "events.flash_sale", "duplicate event id 'flash_sale' (first on line 3)").Line);
        Assert.Equal(10, Find(error, "events.flash_sale.name.zh-Hans", "missing translation").Line);
    }

    [Fact]
    public void Bad_values_and_unknown_keys_are_all_reported_in_one_pass()
    {
        var error = Load();

        Assert.Contains("did you mean 'up'", Find(error, "events.flash_sale.effect.volume", "'upp' is not a volume effect").Message, StringComparison.Ordinal);
        Assert.Equal(13, Find(error, "events.flash_sale.effect.lead_days", "not a whole number").Line);
        Assert.Equal(17, Find(error, "events.holiday.start", "'2026-13-01' is not a date").Line);
        Assert.Equal(19, Find(error, "events.holiday.colour", "unknown key 'colour'").Line);
        Assert.Equal(9, error.Issues.Count);
        Assert.Contains("9 problem(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_added_in_code_is_checked_by_the_same_rules()
    {
        var calendar = EventCalendar.Parse(ModScope.Model.ReferenceData.Shipped.Markets, "version: 1\nevents:\n", "empty.yaml");
        var bad = new CalendarEvent("Bad Id", new Bilingual("Sale", ""), ["ZZ"], new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 1),
            new EventEffect(VolumeEffect.Up));

        var error = Assert.Throws<CatalogException>(() => calendar.WithAdded(bad));

        Assert.Equal(
            ["events.Bad Id.end", "events.Bad Id.id", "events.Bad Id.markets", "events.Bad Id.name.zh-Hans"],
            error.Issues.Select(i => i.Field).Order(StringComparer.Ordinal));
        Assert.Empty(calendar.Events);
    }
}
