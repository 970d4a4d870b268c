using ModScope.Catalog;
using ModScope.Monitor.Calendar;

namespace ModScope.Tests.Monitor.Calendar;

/// <summary>Events added later (an alert marked as expected) are written back to a YAML file and read again unchanged.</summary>
public sealed class CalendarAppendTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "modscope-tests", Guid.NewGuid().ToString("N"));

    public CalendarAppendTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly CalendarEvent Campaign = new(
        "brand_day_2026",
        new Bilingual("Brand \"Super\" Day: ID & MY", "品牌超级日"),
        ["ID", "MY"],
        new DateOnly(2026, 9, 20),
        new DateOnly(2026, 9, 21),
        new EventEffect(VolumeEffect.Up, LeadDays: 1, LagDays: 2));

    private const string Commented = """
        # Our own campaigns.
        version: 1
        events:
          # Summer sale: approximate.
          - id: summer_sale_2026
            name: {en: Summer sale, zh-Hans: 夏季大促}
            markets: [SEA]
            start: 2026-07-07
            effect: {volume: up}
        """;

    [Fact]
    public void An_appended_event_round_trips_and_the_file_keeps_its_comments()
    {
        var path = Path.Combine(_folder, "events.yaml");
        File.WriteAllText(path, Commented);

        var returned = EventCalendar.Append(ModScope.Model.ReferenceData.Shipped.Markets, path, Campaign);

        var reloaded = EventCalendar.Load(ModScope.Model.ReferenceData.Shipped.Markets, path);
        Assert.Equal(["summer_sale_2026", "brand_day_2026"], reloaded.Events.Select(e => e.Id));
        AssertSame(Campaign, reloaded.Find("brand_day_2026")!);
        Assert.Equal(["summer_sale_2026", "brand_day_2026"], returned.Events.Select(e => e.Id));
        var text = File.ReadAllText(path);
        Assert.StartsWith(Commented, text, StringComparison.Ordinal);
        Assert.Contains("# Summer sale: approximate.", text, StringComparison.Ordinal);
        Assert.True(reloaded.IsActive(new DateOnly(2026, 9, 23), "MY"));
    }

    [Fact]
    public void Appending_to_a_missing_file_creates_it()
    {
        var path = Path.Combine(_folder, "new", "expected.yaml");

        EventCalendar.Append(ModScope.Model.ReferenceData.Shipped.Markets, path, Campaign);

        AssertSame(Campaign, Assert.Single(EventCalendar.Load(ModScope.Model.ReferenceData.Shipped.Markets, path).Events));
    }

    [Fact]
    public void A_duplicate_id_is_refused_and_the_file_is_left_as_it_was()
    {
        var path = Path.Combine(_folder, "events.yaml");
        File.WriteAllText(path, Commented);

        var error = Assert.Throws<CatalogException>(() => EventCalendar.Append(ModScope.Model.ReferenceData.Shipped.Markets, path, Campaign with { Id = "summer_sale_2026" }));

        Assert.Contains("duplicate event id 'summer_sale_2026'", error.Message, StringComparison.Ordinal);
        Assert.Equal(Commented, File.ReadAllText(path));
    }

    [Fact]
    public void A_saved_calendar_loads_back_with_the_same_events()
    {
        var path = Path.Combine(_folder, "saved.yaml");
        var calendar = EventCalendar.Parse(ModScope.Model.ReferenceData.Shipped.Markets, Commented, "commented.yaml").WithAdded(Campaign);

        calendar.Save(path);

        var reloaded = EventCalendar.Load(ModScope.Model.ReferenceData.Shipped.Markets, path);
        Assert.Equal(2, reloaded.Events.Count);
        AssertSame(calendar.Events[0], reloaded.Events[0]);
        AssertSame(Campaign, reloaded.Events[1]);
    }

    [Fact]
    public void With_added_returns_a_new_calendar_and_leaves_the_original_unchanged()
    {
        var original = EventCalendar.Parse(ModScope.Model.ReferenceData.Shipped.Markets, Commented, "commented.yaml");

        var added = original.WithAdded(Campaign);

        Assert.Single(original.Events);
        Assert.Equal(2, added.Events.Count);
        Assert.False(original.IsActive(new DateOnly(2026, 9, 20), "ID"));
        Assert.True(added.IsActive(new DateOnly(2026, 9, 20), "ID"));
    }

    private static void AssertSame(CalendarEvent expected, CalendarEvent actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Markets, actual.Markets);
        Assert.Equal((expected.Start, expected.End, expected.Effect), (actual.Start, actual.End, actual.Effect));
    }

    [Theory]
    [InlineData("version: 1\nevents:\n")]
    [InlineData("version: 1\nevents:\n- id: summer_sale_2026\n  name: {en: Summer sale, zh-Hans: 夏季大促}\n  markets: [SEA]\n  start: 2026-07-07\n  effect: {volume: up}")]
    public void An_event_is_appended_to_an_empty_list_or_to_a_list_written_without_indentation(string existing)
    {
        var path = Path.Combine(_folder, "events.yaml");
        File.WriteAllText(path, existing);

        EventCalendar.Append(ModScope.Model.ReferenceData.Shipped.Markets, path, Campaign);

        AssertSame(Campaign, EventCalendar.Load(ModScope.Model.ReferenceData.Shipped.Markets, path).Events[^1]);
    }

    [Fact]
    public void A_file_whose_events_are_not_last_cannot_be_appended_to()
    {
        var path = Path.Combine(_folder, "events.yaml");
        var text = "events:\n  - id: summer_sale_2026\n    name: {en: Summer sale, zh-Hans: 夏季大促}\n    markets: [SEA]\n    start: 2026-07-07\n    effect: {volume: up}\nversion: 1\n";
        File.WriteAllText(path, text);

        var error = Assert.Throws<CatalogException>(() => EventCalendar.Append(ModScope.Model.ReferenceData.Shipped.Markets, path, Campaign));

        Assert.Contains("'events' must be the file's last key", error.Message, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(path));
    }
}
