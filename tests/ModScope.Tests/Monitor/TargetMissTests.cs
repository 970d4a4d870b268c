using ModScope.Catalog;
using ModScope.Model;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Findings;
using ModScope.Monitor.Targets;
using ModScope.Query;
using ModScope.Stats;
using ModScope.Tests.Sources;

namespace ModScope.Tests.Monitor;

/// <summary>
/// A segment that misses its own target for full weeks running is a target alert. On Bazaarly's export (targets per
/// market in targets-bazaar.csv: XN 0.5, XS 0.7, XW 0.6), by hand from the eleven rows, decided_at in UTC:
/// ISO week 45 (2–8 Nov): XN T01 auto, T02 and T03 human, 1/3, missed; XS T04 auto, T05 human, 1/2, missed; XW T08 auto, 1/1, met.
/// ISO week 46 (9–15 Nov): XN none; XS T06 human, T07 auto, T11 auto (08/11 22:30 in São Paulo is 9 Nov UTC), 2/3, missed;
/// XW T09 human, T10 auto, 1/2, missed. Two weeks running: XS only (XN has no week 46, XW met week 45).
/// </summary>
public sealed class TargetMissTests(BazaarStore bazaar) : IClassFixture<BazaarStore>
{
    [Fact]
    public async Task A_market_missing_its_own_target_two_full_weeks_running_is_one_warning()
    {
        var finder = new TargetMissFinder(BazaarData.Catalog(), bazaar.Query) { Weeks = 2 };

        var finding = Assert.Single(await finder.FindAsync(new DateOnly(2026, 11, 17)));

        Assert.Equal(("automation_rate", "market=XS", "target"), (finding.Subject, finding.Segment, finding.Detector));
        Assert.Equal((new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 15)), (finding.FirstDay, finding.LastDay));
        Assert.Equal(AlertSeverity.Warning, finding.Severity);
        Assert.Equal(2.0 / 3, finding.Value!.Value, 9);
        Assert.Equal(0.7, finding.Expected);
        Assert.Equal(-1, finding.Direction);
    }

    [Fact]
    public async Task One_week_finds_each_market_that_missed_the_last_one()
    {
        // Week 46 alone: XS and XW missed; XN has no decisions that week.
        var findings = await new TargetMissFinder(BazaarData.Catalog(), bazaar.Query) { Weeks = 1 }.FindAsync(new DateOnly(2026, 11, 15));

        Assert.Equal(["market=XS", "market=XW"], findings.Select(f => f.Segment));
    }

    [Theory]
    [InlineData("en", "Automation rate for Southland missed its target of 70.0% in each of the last 2 full weeks (last week 66.7%).")]
    [InlineData("zh-Hans", "南地市场的机审自动化率连续2个完整周未达到目标70.0%（上周为66.7%）。")]
    public async Task The_finding_reads_in_the_language(string language, string expected)
    {
        var finding = Assert.Single(await new TargetMissFinder(BazaarData.Catalog(), bazaar.Query) { Weeks = 2 }.FindAsync(new DateOnly(2026, 11, 15)));
        var reference = ModScope.Store.StoredReference.Load(bazaar.Store.Store);

        var text = new FindingRenderer(BazaarData.Catalog(), reference, language).Render(finding.Facts, finding.Message);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void A_sampled_week_too_close_to_call_breaks_the_streak()
    {
        var qa = CatalogLoader.LoadDefault().Metric("qa_accuracy");
        MetricResult Week(double value, double lower, double upper) =>
            new("qa_accuracy", null, new Dictionary<string, string?>(), value, null, null, 500, new Interval(lower, upper, 0.95, "Wilson score"));

        // Target 0.95: 0.93 (0.91, 0.945) misses wholly; 0.94 (0.92, 0.96) straddles the target.
        Assert.True(TargetStreak.Missed(qa, [(Week(0.93, 0.91, 0.945), 0.95), (Week(0.93, 0.91, 0.945), 0.95)], 2));
        Assert.False(TargetStreak.Missed(qa, [(Week(0.93, 0.91, 0.945), 0.95), (Week(0.94, 0.92, 0.96), 0.95)], 2));
        Assert.False(TargetStreak.Missed(qa, [(Week(0.93, 0.91, 0.945), 0.95), (null, 0.95)], 2));
        Assert.False(TargetStreak.Missed(qa, [(Week(0.93, 0.91, 0.945), 0.95)], 2));
    }
}
