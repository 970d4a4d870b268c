using ModScope.Monitor;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Quality;

namespace ModScope.Tests.Monitor;

public sealed class QualityAlertsTests
{
    private static readonly DateOnly Day = new(2026, 10, 29);
    private static readonly SiteReach Reach = SiteReach.Of([("BKK", "TH", 300), ("(auto)", "TH", 700)], new Dictionary<string, string> { ["TH"] = "SEA" });

    private static (QualityFinding, AlertFinding) SiteStopped()
    {
        var finding = new QualityFinding(QualityCheckKind.Volume, QualitySeverity.Critical, "decisions", "site = BKK", Day, 0, 300, 150, QualityUnit.Rows, "BKK sent nothing");
        return (finding, QualityAlerts.ToFinding(finding, Day));
    }

    private static AlertFinding Metric(string subject, string segment) =>
        new(AlertKind.Metric, subject, segment, Day, Day, AlertSeverity.Warning, 1, 0.9, "seasonal_robust_z", subject);

    [Fact]
    public void A_site_that_stopped_explains_a_rate_alert_in_the_market_it_serves_on_that_day()
    {
        var data = SiteStopped();

        var by = QualityAlerts.Explaining(Metric("automation_rate", "market=TH"), isCount: false, [data], Reach);

        Assert.Same(data.Item2, by);
    }

    [Fact]
    public void Without_knowing_the_sites_reach_only_segments_naming_the_site_are_explained()
    {
        var data = SiteStopped();

        Assert.Null(QualityAlerts.Explaining(Metric("automation_rate", "market=TH"), isCount: false, [data]));
        Assert.Same(data.Item2, QualityAlerts.Explaining(Metric("automation_rate", "site=BKK"), isCount: false, [data]));
    }

    [Fact]
    public void A_missing_day_explains_the_backlog_alert_of_the_day_before_but_not_two_days_before()
    {
        var data = SiteStopped();
        var dayBefore = Metric("backlog_end_of_period", "market=TH") with { FirstDay = Day.AddDays(-1), LastDay = Day.AddDays(-1) };
        var twoBefore = dayBefore with { FirstDay = Day.AddDays(-2), LastDay = Day.AddDays(-2) };

        Assert.Same(data.Item2, QualityAlerts.Explaining(dayBefore, isCount: true, [data], Reach));
        Assert.Null(QualityAlerts.Explaining(twoBefore, isCount: true, [data], Reach));
    }

    [Fact]
    public void A_site_deciding_more_than_usual_explains_nothing()
    {
        var rise = new QualityFinding(QualityCheckKind.Volume, QualitySeverity.Warning, "decisions", "site = BKK", Day, 600, 300, 450, QualityUnit.Rows, "BKK sent twice its usual");

        Assert.Null(QualityAlerts.Explaining(Metric("automation_rate", "site=BKK"), isCount: false, [(rise, QualityAlerts.ToFinding(rise, Day))], Reach));
    }

    [Fact]
    public void A_rate_alert_in_a_market_the_site_does_not_serve_stays()
    {
        Assert.Null(QualityAlerts.Explaining(Metric("automation_rate", "market=MY"), isCount: false, [SiteStopped()], Reach));
    }
}
