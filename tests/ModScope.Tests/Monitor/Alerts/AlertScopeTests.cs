using ModScope.Model;
using ModScope.Monitor.Alerts;

namespace ModScope.Tests.Monitor.Alerts;

/// <summary>
/// Which alerts a page filtered to a region or a market counts: a queue's alert belongs to its market's (and region's)
/// page, since each queue serves one market (reference/queues.csv: ID-prelisting serves Indonesia, in SEA).
/// </summary>
public sealed class AlertScopeTests
{
    private static readonly DateOnly Day = new(2026, 11, 10);

    private static Alert On(string segment) => new(1,
        new AlertFinding(AlertKind.Metric, "sla_attainment", segment, Day, Day, AlertSeverity.Warning, -1, 0.7, "seasonal_robust_z", "seeded"),
        AlertStatus.New, null, false, null, null, Day.ToDateTime(TimeOnly.MinValue));

    private static AlertScope Within(string dimension, string value) =>
        new(Day, Day, AlertScope.PlacesOf([(dimension, [value])], ReferenceData.Shipped));

    [Fact]
    public void A_queue_alert_counts_on_its_markets_and_its_regions_page_and_nowhere_else()
    {
        var queue = On("queue=ID-prelisting");

        Assert.True(Within("region", "SEA").Covers(queue));
        Assert.True(Within("market", "ID").Covers(queue));
        Assert.False(Within("market", "TH").Covers(queue));
        Assert.False(Within("region", "US").Covers(queue));
        // With another dimension in the segment it still names the queue.
        Assert.True(Within("region", "SEA").Covers(On("queue=ID-prelisting;decided_by=human")));
    }

    [Fact]
    public void Markets_and_regions_count_as_before_and_a_site_or_the_total_only_unfiltered()
    {
        Assert.True(Within("region", "SEA").Covers(On("region=SEA")));
        Assert.True(Within("region", "SEA").Covers(On("market=VN")));
        Assert.False(Within("market", "ID").Covers(On("region=SEA")));
        Assert.False(Within("region", "SEA").Covers(On("site=KUL-ALPHA")));
        Assert.False(Within("region", "SEA").Covers(On("")));
        Assert.True(new AlertScope(Day, Day, null).Covers(On("site=KUL-ALPHA")));
    }
}
