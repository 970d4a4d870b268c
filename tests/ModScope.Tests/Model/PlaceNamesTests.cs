using ModScope.Model;

namespace ModScope.Tests.Model;

/// <summary>Report text names markets and queues from the store's reference data, not from the build.</summary>
public sealed class PlaceNamesTests
{
    private static readonly ReferenceData Own = new(
        [new Market("XA", "Acmeland", "阿克米", "EMEA", "pt", "Europe/Lisbon", ReferenceSchema.Always)],
        [],
        [
            new Queue("XA-main", "XA", "listing", 24, "Acme main", "Acme 主队列", ReferenceSchema.Always),
            new Queue("XA-main", "XA", "listing", 24, "Acme priority", "Acme 优先队列", new DateOnly(2026, 10, 1)),
        ],
        []);

    [Fact]
    public void A_teams_own_market_is_named_in_each_language()
    {
        Assert.Equal("Acmeland", PlaceNames.Name(Own, "market", "XA", "en"));
        Assert.Equal("阿克米", PlaceNames.Name(Own, "market", "XA", "zh-Hans"));
    }

    [Fact]
    public void A_renamed_queue_is_named_by_its_latest_name_and_an_unknown_code_as_itself()
    {
        Assert.Equal("Acme priority", PlaceNames.Name(Own, "queue", "XA-main", "en"));
        Assert.Equal("ID", PlaceNames.Name(Own, "market", "ID", "en"));
    }

    [Fact]
    public void The_rows_in_force_on_a_day_are_the_latest_valid_from_on_or_before_it()
    {
        Assert.Equal("Acme main", Assert.Single(Own.Current(new DateOnly(2026, 9, 30)).Queues).NameEn);
        Assert.Equal("Acme priority", Assert.Single(Own.Current(new DateOnly(2026, 10, 1)).Queues).NameEn);
    }
}
