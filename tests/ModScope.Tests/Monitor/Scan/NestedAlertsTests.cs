using ModScope.Monitor.Alerts;
using ModScope.Monitor.Scan;

namespace ModScope.Tests.Monitor.Scan;

public sealed class NestedAlertsTests
{
    private static readonly Dictionary<string, string> RegionOf = new() { ["BR"] = "LATAM", ["MX"] = "LATAM", ["DE"] = "EU" };
    private static readonly DateOnly Day = new(2026, 10, 10);

    private static AlertFinding Metric(string subject, string segment, int firstOffset = 0, int lastOffset = 2, int direction = 1) =>
        new(AlertKind.Metric, subject, segment, Day.AddDays(firstOffset), Day.AddDays(lastOffset), AlertSeverity.Warning, direction, 0.9, "seasonal_robust_z", subject + " " + segment);

    [Fact]
    public void A_market_and_its_pair_segments_are_held_by_the_total_when_all_move_together()
    {
        var total = Metric("automation_rate", "");
        var region = Metric("automation_rate", "region=LATAM");
        var market = Metric("automation_rate", "market=BR", 1, 3);
        var pair = Metric("automation_rate", "decided_by=human;market=BR");

        var grouped = NestedAlerts.Group([pair, market, region, total], RegionOf);

        Assert.Null(grouped[3].SuppressedBy);
        Assert.All(grouped.Take(3), f => Assert.Same(total, f.SuppressedBy));
    }

    [Fact]
    public void Siblings_without_a_broader_alert_stay_separate()
    {
        var grouped = NestedAlerts.Group([Metric("qa_accuracy", "market=BR"), Metric("qa_accuracy", "market=MX")], RegionOf);

        Assert.All(grouped, f => Assert.Null(f.SuppressedBy));
    }

    [Fact]
    public void Another_metric_another_direction_or_days_apart_is_another_anomaly()
    {
        var total = Metric("qa_accuracy", "");
        var otherMetric = Metric("over_enforcement_rate", "market=BR");
        var otherDirection = Metric("qa_accuracy", "market=BR", direction: -1);
        var later = Metric("qa_accuracy", "market=MX", 5, 7);

        var grouped = NestedAlerts.Group([total, otherMetric, otherDirection, later], RegionOf);

        Assert.All(grouped, f => Assert.Null(f.SuppressedBy));
    }

    [Fact]
    public void A_chain_of_overlaps_points_every_alert_at_the_broadest()
    {
        // The pair overlaps the market but not the total; the market overlaps the total: both end under the total.
        var total = Metric("tat_p90_hours", "", 0, 1);
        var market = Metric("tat_p90_hours", "market=DE", 1, 4);
        var pair = Metric("tat_p90_hours", "market=DE;policy=scams", 3, 5);

        var grouped = NestedAlerts.Group([total, market, pair], RegionOf);

        Assert.Same(total, grouped[1].SuppressedBy);
        Assert.Same(total, grouped[2].SuppressedBy);
    }

    [Fact]
    public void A_finding_a_data_alert_explains_keeps_that_explanation()
    {
        var data = new AlertFinding(AlertKind.Data, "volume:decisions", "site=SAO-ECHO", Day, Day, AlertSeverity.Critical, -1, 1, "volume", "site stopped");
        var explained = Metric("decision_volume", "market=BR") with { SuppressedBy = data };

        var grouped = NestedAlerts.Group([data, Metric("decision_volume", ""), explained], RegionOf);

        Assert.Same(data, grouped[2].SuppressedBy);
        Assert.Null(grouped[1].SuppressedBy);
    }

    [Theory]
    [InlineData("region=LATAM", "market=BR", true)]
    [InlineData("region=EU", "market=BR", false)]
    [InlineData("market=BR", "market=BR", false)]
    [InlineData("market=BR", "decided_by=human;market=BR", true)]
    [InlineData("decided_by=human;market=BR", "market=BR", false)]
    [InlineData("", "site=KUL-ALPHA", true)]
    public void Holds_follows_the_dimension_values_and_the_region_of_a_market(string broad, string narrow, bool expected) =>
        Assert.Equal(expected, NestedAlerts.Holds(SeriesKey.Parse(broad), SeriesKey.Parse(narrow), RegionOf));

    [Fact]
    public void Within_lists_the_held_alerts_of_the_same_metric_strongest_first()
    {
        var total = Metric("qa_accuracy", "");
        var held = new[]
        {
            Metric("qa_accuracy", "region=LATAM") with { Score = 0.6, Value = 0.93, Expected = 0.97 },
            Metric("qa_accuracy", "decided_by=automated;policy=counterfeit") with { Score = 0.86 },
            Metric("enforcement_rate", "policy=counterfeit") with { Score = 0.95 },                   // another metric
            new AlertFinding(AlertKind.Data, "volume:decisions", "site=X", Day, Day, AlertSeverity.Critical, -1, 1.0, "volume", "m"), // a data alert
        };

        var within = NestedAlerts.Within(total, held);

        Assert.Equal(["decided_by=automated;policy=counterfeit", "region=LATAM"], within.Select(w => w.Segment));
        Assert.Equal((0.93, 0.97, 0.6), (within[1].Value!.Value, within[1].Expected!.Value, within[1].Score));
    }
}
