using ModScope.Monitor;
using ModScope.Monitor.Calendar;

namespace ModScope.Tests.Monitor;

public sealed class SegmentEventsTests
{
    private static readonly DateOnly SinglesDay = new(2026, 11, 11);
    private readonly Func<DateOnly, IReadOnlyDictionary<string, double>, ModScope.Catalog.Bilingual?> _eventOn = SegmentEvents.For(EventCalendar.LoadDefault(ModScope.Model.ReferenceData.Shipped.Markets));

    [Fact]
    public void A_segment_is_touched_when_the_event_markets_hold_at_least_a_fifth_of_its_decisions()
    {
        // 11.11 is a SEA event in the shipped calendar: ID + TH hold 25% here, 15% there.
        var mostlySea = new Dictionary<string, double> { ["ID"] = 0.15, ["TH"] = 0.10, ["US"] = 0.75 };
        var littleSea = new Dictionary<string, double> { ["ID"] = 0.10, ["TH"] = 0.05, ["US"] = 0.85 };

        Assert.NotNull(_eventOn(SinglesDay, mostlySea));
        Assert.Null(_eventOn(SinglesDay, littleSea));
    }

    [Fact]
    public void A_market_segment_takes_its_own_market_events_only()
    {
        Assert.NotNull(_eventOn(SinglesDay, new Dictionary<string, double> { ["ID"] = 1.0 }));
        Assert.Null(_eventOn(SinglesDay.AddDays(20), new Dictionary<string, double> { ["ID"] = 1.0 }));
    }
}
