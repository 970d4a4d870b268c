using ModScope.Monitor.Alerts;
using ModScope.Reports;
using ModScope.Reports.Story;
using static ModScope.Tests.Reports.Hand;

namespace ModScope.Tests.Reports;

/// <summary>Storyline choice on hand-built metric results: which facts, in what order, for which audience.</summary>
public sealed class StorylineTests
{
    private static ReportData ExecData(params ResultSet[] extra) => Data(ReportAudience.Exec,
    [
        Set(ReportSets.Headline,
            Row("decision_volume", 100_000, 98_000, significant: false),
            Row("qa_accuracy", 0.952, 0.951, significant: false, audits: 4000, interval: (0.945, 0.958)),
            Row("sla_attainment", 0.93, 0.92, significant: false, numerator: 9300, denominator: 10_000)),
        .. extra,
    ]);

    [Fact]
    public void The_biggest_significant_mover_leads_and_a_larger_change_that_is_not_significant_is_not_a_movement()
    {
        var data = ExecData(Set(ReportSets.By("market"),
            // BR: accuracy fell 6 points on 1,000 audits (significant): error rate from 5% to 11%.
            Row("qa_accuracy", 0.89, 0.95, significant: true, dimension: "market", segment: "BR", audits: 1000, interval: (0.87, 0.91), numerator: 890, denominator: 1000),
            // US: 1 point, significant, on the same weight: a smaller mover.
            Row("qa_accuracy", 0.94, 0.95, significant: true, dimension: "market", segment: "US", audits: 1000, interval: (0.925, 0.953), numerator: 940, denominator: 1000),
            // JP: the largest change of all (20 points) but not significant.
            Row("qa_accuracy", 0.75, 0.95, significant: false, dimension: "market", segment: "JP", audits: 1000, interval: (0.5, 0.99), numerator: 750, denominator: 1000)));

        var story = StorylineBuilder.Build(data);

        var movements = story.Section(SectionKind.Movements)!.Facts;
        Assert.Equal("move.worsened", movements[0].Key);
        Assert.Equal("market=BR", movements[0].Args["subject"].Text);
        Assert.Equal("market=US", movements[1].Args["subject"].Text);
        Assert.DoesNotContain(story.Facts, f => f.Args.Values.Any(a => a.Kind == ArgKind.Segment && a.Text == "market=JP"));
    }

    [Fact]
    public void A_change_that_is_not_significant_is_called_steady_and_never_a_rise_or_fall()
    {
        var story = StorylineBuilder.Build(ExecData());

        Assert.Contains(story.Facts, f => f.Key == "headline.volume.steady");
        Assert.DoesNotContain(story.Facts, f => f.Key.StartsWith("move.", StringComparison.Ordinal) && f.Key != "move.none");
        Assert.DoesNotContain(story.Facts, f => f.Key is "headline.volume.rose" or "headline.volume.fell");
    }

    [Fact]
    public void A_slice_with_too_few_audits_is_not_a_movement_even_when_marked_significant()
    {
        var data = ExecData(Set(ReportSets.By("queue"),
            Row("over_enforcement_rate", 0.0, 1.0, significant: true, dimension: "queue", segment: "AE-shop", audits: 3, interval: (0, 0.6))));

        var story = StorylineBuilder.Build(data);

        Assert.Equal("move.none", Assert.Single(story.Section(SectionKind.Movements)!.Facts).Key);
    }

    [Fact]
    public void A_thin_qa_sample_is_flagged_with_the_audits_needed()
    {
        // 40 audits, accuracy 90%, 95% interval 80.5%..99.5%: half-width 9.5 points, holding the 95% target.
        var data = Data(ReportAudience.Quality,
        [
            Set(ReportSets.Headline, Row("qa_accuracy", 0.95, 0.95, audits: 5000, interval: (0.944, 0.956))),
            Set(ReportSets.By("policy"), Row("qa_accuracy", 0.90, 0.9, dimension: "policy", segment: "wildlife", audits: 40, interval: (0.805, 0.995))),
        ]);

        var story = StorylineBuilder.Build(data);

        var thin = Assert.Single(story.Section(SectionKind.ThinSamples)!.Facts);
        Assert.Equal("thin.line", thin.Key);
        Assert.Equal("policy=wildlife", thin.Args["subject"].Text);
        Assert.Equal(40, thin.Args["audits"].Number);
        // By hand: simple random sample n0 = z²·p(1−p)/e² = 3.8415·0.09/0.0004 = 864.3 → 865; the sample's design effect
        // = h²·n / (z²·p(1−p)) = 0.095²·40/(3.8415·0.09) = 1.0439; 865 × 1.0439 = 903.0 → 904 audits.
        var z2 = 1.959964 * 1.959964;
        var simple = Math.Ceiling(z2 * 0.9 * 0.1 / (0.02 * 0.02));
        var designEffect = 0.095 * 0.095 * 40 / (z2 * 0.9 * 0.1);
        Assert.Equal(Math.Ceiling(simple * designEffect), thin.Args["needed"].Number!.Value, 0);
    }

    [Fact]
    public void Each_audience_gets_its_own_sections_in_order()
    {
        Assert.Equal([SectionKind.Headline, SectionKind.Movements, SectionKind.Risk, SectionKind.Decisions],
            StorylineBuilder.Build(ExecData()).Sections.Select(s => s.Kind));
        Assert.Equal([SectionKind.RegionVsGlobal, SectionKind.MarketRanking, SectionKind.SiteRanking, SectionKind.Alerts, SectionKind.Outlook],
            StorylineBuilder.Build(Data(ReportAudience.Regional, [Set(ReportSets.Headline, Row("decision_volume", 10, 9))], region: "SEA")).Sections.Select(s => s.Kind));
        Assert.Equal([SectionKind.AccuracyByPolicy, SectionKind.AccuracyBySite, SectionKind.ErrorTypes, SectionKind.EnforcementBalance,
                SectionKind.AuditorAgreement, SectionKind.AppealOverturns, SectionKind.ThinSamples],
            StorylineBuilder.Build(Data(ReportAudience.Quality, [Set(ReportSets.Headline, Row("decision_volume", 10, 9))])).Sections.Select(s => s.Kind));
    }

    [Fact]
    public void The_risk_to_watch_is_a_target_missed_for_several_weeks_before_anything_else()
    {
        var data = ExecData(Set(ReportSets.Weekly, [.. Weeks("sla_attainment", 0.91, 0.92, 0.93, 0.94, 0.93, 0.93), .. Weeks("qa_accuracy", 0.96, 0.96, 0.94, 0.94, 0.93, 0.94)]));
        data = data with
        {
            Sets = [Set(ReportSets.Headline, Row("qa_accuracy", 0.94, 0.93, significant: false, audits: 4000, interval: (0.93, 0.95))), .. data.Sets.Skip(1)],
        };

        var risk = Assert.Single(StorylineBuilder.Build(data).Section(SectionKind.Risk)!.Facts);

        Assert.Equal("risk.missed", risk.Key);
        Assert.Equal("qa_accuracy", risk.Args["metric"].Metric);
        Assert.Equal(4, risk.Args["weeks"].Number); // the last four weeks are below 95%
    }

    [Fact]
    public void A_regional_report_lists_its_alerts_with_their_stored_root_causes_and_leaves_out_other_regions()
    {
        var explanation = """{"metric":"sla_attainment","segment":"market=ID","from":"2026-11-10","to":"2026-11-12","baseline_weeks":4,"current":0.8,"baseline":0.9,"causes":[{"conjunction":{"queue":"ID-prelisting"},"share":0.7,"actual":80,"expected":90,"current_value":0.8,"baseline_value":0.9}]}""";
        Alert Alert(long id, string segment, string? json) => new(id,
            new AlertFinding(AlertKind.Metric, "sla_attainment", segment, new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 12), AlertSeverity.Critical, -1, 0.9, "level", "m")
            { Value = 0.8, Expected = 0.9, RelativeImpact = -0.1, Explanation = json },
            AlertStatus.New, null, false, null, null, DateTime.UtcNow);
        var data = Data(ReportAudience.Regional,
            [Set(ReportSets.Headline, Row("decision_volume", 10, 9)), Set(ReportSets.By("market"), Row("decision_volume", 10, 9, dimension: "market", segment: "ID"))],
            [Alert(1, "market=ID", explanation), Alert(2, "market=US", null)], region: "SEA") with { Reference = ModScope.Model.ReferenceData.Shipped };

        var facts = StorylineBuilder.Build(data).Section(SectionKind.Alerts)!.Facts;

        Assert.Equal(["alert.down", "alert.cause"], facts.Select(f => f.Key));
        Assert.Equal("queue=ID-prelisting", facts[1].Args["cause"].Text);
        Assert.Equal(0.7, facts[1].Args["share"].Number);
    }

    [Fact]
    public void An_open_alert_in_a_report_is_one_the_overview_counts_as_open_new_or_acknowledged_and_never_one_snoozed_past_the_period()
    {
        Alert Alert(long id, string segment, AlertStatus status, DateOnly? snoozedUntil) => new(id,
            new AlertFinding(AlertKind.Metric, "sla_attainment", segment, new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 12), AlertSeverity.Critical, -1, 10 - id, "level", "m")
            { Value = 0.8, Expected = 0.9, RelativeImpact = -0.1 },
            status, snoozedUntil, false, null, null, DateTime.UtcNow);
        // Week 46 ends on Sunday 15 Nov: a snooze to 20 Nov still holds; one that ended on 12 Nov has lapsed (open again).
        var snoozed = Alert(1, "market=VN", AlertStatus.Snoozed, new DateOnly(2026, 11, 20));
        var lapsed = Alert(2, "market=TH", AlertStatus.Snoozed, new DateOnly(2026, 11, 12));
        var acknowledged = Alert(3, "market=ID", AlertStatus.Acknowledged, null);
        var resolved = Alert(4, "market=MY", AlertStatus.Resolved, null);
        var elsewhere = Alert(5, "market=US", AlertStatus.New, null);
        var data = Data(ReportAudience.Regional, [Set(ReportSets.Headline, Row("decision_volume", 10, 9))],
            [snoozed, lapsed, acknowledged, resolved, elsewhere], region: "SEA") with { Reference = ModScope.Model.ReferenceData.Shipped };

        var open = AlertFacts.InScope(data, StoryRules.Default);

        // The overview's own rule on the same alerts, for the same days and the region's markets (ID, TH, MY, VN, ... are SEA).
        var today = new DateOnly(2026, 11, 16);
        var overview = new AlertScope(new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15), AlertScope.PlacesOf([("region", ["SEA"])], ModScope.Model.ReferenceData.Shipped));
        Assert.Equal([2, 3], open.Select(a => a.Id).Order());
        Assert.Equal(data.Alerts.Where(a => a.IsOpen(today) && overview.Covers(a)).Select(a => a.Id).Order(), open.Select(a => a.Id).Order());
    }

    [Fact]
    public void A_movement_during_a_known_event_is_attributed_to_it_in_both_languages_and_one_elsewhere_is_not()
    {
        // Week 46 of 2026 (9-15 Nov) holds Singles' Day, 11 Nov, in the SEA markets (catalog/events.yaml); the US has no event that week.
        var data = ExecData(Set(ReportSets.By("market"),
            Row("qa_accuracy", 0.89, 0.95, significant: true, dimension: "market", segment: "ID", audits: 1000, interval: (0.87, 0.91), numerator: 890, denominator: 1000),
            Row("qa_accuracy", 0.90, 0.95, significant: true, dimension: "market", segment: "US", audits: 1000, interval: (0.88, 0.92), numerator: 900, denominator: 1000)))
            with { Reference = ModScope.Model.ReferenceData.Shipped, Calendar = ModScope.Monitor.Calendar.EventCalendar.LoadDefault(ModScope.Model.ReferenceData.Shipped.Markets) };

        var moves = StorylineBuilder.Build(data).Section(SectionKind.Movements)!.Facts;

        var indonesia = moves.Single(f => f.Args["subject"].Text == "market=ID");
        var us = moves.Single(f => f.Args["subject"].Text == "market=US");
        Assert.Equal("move.worsened.event", indonesia.Key);
        Assert.Equal("singles_day_2026", indonesia.Args["event"].Text);
        Assert.Equal("move.worsened", us.Key);
        Assert.Contains("during Singles' Day (11.11)", new ModScope.Reports.Document.ReportComposer(data, ModScope.Reports.Text.ReportText.For("en")).Sentence(indonesia), StringComparison.Ordinal);
        Assert.Contains("正值双十一期间", new ModScope.Reports.Document.ReportComposer(data, ModScope.Reports.Text.ReportText.For("zh-Hans")).Sentence(indonesia), StringComparison.Ordinal);
    }

    [Fact]
    public void The_exec_charts_are_the_metrics_its_sentences_discuss_first_and_two_at_most()
    {
        // Trends for all three of the exec chart list (QA accuracy, SLA attainment, appeal overturn rate, in that order);
        // the one movement is appeal overturns in Brazil, so its chart comes first, then the list's first.
        var data = ExecData(
            Set(ReportSets.By("market"), Row("appeal_overturn_rate", 0.30, 0.20, significant: true, dimension: "market", segment: "BR", numerator: 300, denominator: 1000)),
            Set(ReportSets.Weekly, [.. Weeks("qa_accuracy", 0.95, 0.95), .. Weeks("sla_attainment", 0.96, 0.96), .. Weeks("appeal_overturn_rate", 0.2, 0.3)]));

        var story = StorylineBuilder.Build(data);

        Assert.Contains(story.Section(SectionKind.Movements)!.Facts, f => f.Args["metric"].Metric == "appeal_overturn_rate");
        Assert.Equal(["appeal_overturn_rate", "qa_accuracy"], story.Charts.Select(c => c.Metric));
    }

    [Fact]
    public void A_region_is_called_better_or_worse_only_when_the_difference_is_supported()
    {
        var data = Data(ReportAudience.Regional,
        [
            Set(ReportSets.Headline,
                // Interval 93%..95% excludes the global 96%: worse, supported.
                Row("qa_accuracy", 0.94, audits: 2000, interval: (0.93, 0.95)),
                // Interval 94%..98% holds the global 96.5%: level.
                Row("under_enforcement_rate", 0.03, audits: 800, interval: (0.01, 0.05))),
            Set(ReportSets.Global, Row("qa_accuracy", 0.96, audits: 6000, interval: (0.955, 0.965)), Row("under_enforcement_rate", 0.025, audits: 3000, interval: (0.02, 0.03))),
        ], region: "SEA");

        var facts = StorylineBuilder.Build(data).Section(SectionKind.RegionVsGlobal)!.Facts;

        Assert.Equal("region.worse", facts.Single(f => f.Args["metric"].Metric == "qa_accuracy").Key);
        Assert.Equal("region.level", facts.Single(f => f.Args["metric"].Metric == "under_enforcement_rate").Key);
    }

    [Theory]
    [InlineData(0.92, 0.96, "decision.none")]      // the interval still holds the 95% target: not a supported miss yet
    [InlineData(0.93, 0.945, "decision.qa_accuracy")] // the whole interval is below the target
    public void A_qa_miss_calls_for_a_decision_only_when_the_interval_supports_it(double lower, double upper, string expected)
    {
        var data = Data(ReportAudience.Exec,
        [
            Set(ReportSets.Headline, Row("qa_accuracy", 0.94, 0.95, significant: false, audits: 3000, interval: (lower, upper))),
            Set(ReportSets.Weekly, Weeks("qa_accuracy", 0.96, 0.96, 0.96, 0.96, 0.94, 0.94)),
            Set(ReportSets.By("site"), Row("qa_accuracy", 0.93, 0.95, dimension: "site", segment: "CAI-FOXTROT", audits: 900, interval: (0.91, 0.95))),
        ]);

        var decision = StorylineBuilder.Build(data).Section(SectionKind.Decisions)!.Facts[0];

        Assert.Equal(expected, decision.Key);
    }
}
