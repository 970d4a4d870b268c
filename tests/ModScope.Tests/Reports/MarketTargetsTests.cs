using ModScope.Model;
using ModScope.Reports;
using ModScope.Reports.Document;
using ModScope.Reports.Story;
using ModScope.Reports.Text;
using static ModScope.Tests.Reports.Hand;

namespace ModScope.Tests.Reports;

/// <summary>
/// A regional report judges each market against its own target when markets have targets of their own. By hand: ID's
/// QA accuracy target is 0.97 (a targets file row); TH and VN have none and keep the catalogue's 0.95. ID's interval
/// (0.945, 0.965) is wholly below 0.97: missed; TH's (0.955, 0.965) wholly above 0.95: met; VN's (0.94, 0.96) straddles
/// 0.95: too close to call. SLA has no market targets, so it gets no rows.
/// </summary>
public sealed class MarketTargetsTests
{
    private static ReportData Sea(params SegmentTarget[] targets) => Data(ReportAudience.Regional,
        [
            Set(ReportSets.Headline, Row("decision_volume", 30, 29)),
            Set(ReportSets.By("market"),
                Row("decision_volume", 10, 9, dimension: "market", segment: "ID"),
                Row("qa_accuracy", 0.955, 0.95, dimension: "market", segment: "ID", audits: 2000, interval: (0.945, 0.965)),
                Row("qa_accuracy", 0.96, 0.95, dimension: "market", segment: "TH", audits: 6000, interval: (0.955, 0.965)),
                Row("qa_accuracy", 0.951, 0.95, dimension: "market", segment: "VN", audits: 1500, interval: (0.94, 0.96)),
                Row("sla_attainment", 0.5, 0.5, dimension: "market", segment: "ID")),
        ], region: "SEA") with { Reference = ReferenceData.Shipped with { Targets = targets } };

    private static readonly SegmentTarget IdAccuracy = new("qa_accuracy", "ID", "", "", "", "", 0.97, ReferenceSchema.Always);

    [Fact]
    public void Each_market_is_judged_against_its_own_target_after_the_ranking()
    {
        var story = StorylineBuilder.Build(Sea(IdAccuracy));

        Assert.Equal([SectionKind.RegionVsGlobal, SectionKind.MarketRanking, SectionKind.MarketTargets, SectionKind.SiteRanking, SectionKind.Alerts, SectionKind.Outlook],
            story.Sections.Select(s => s.Kind));
        var section = story.Section(SectionKind.MarketTargets)!;
        var table = Assert.Single(section.Tables);
        Assert.Equal(["market=ID", "market=TH", "market=VN"], table.Rows.Select(r => r[0].Text));
        Assert.All(table.Rows, r => Assert.Equal("qa_accuracy", r[1].Metric));
        Assert.Equal([0.97, 0.95, 0.95], table.Rows.Select(r => r[3].Number!.Value));
        Assert.Equal(["status.missed", "status.met", "status.undetermined"], table.Rows.Select(r => r[4].Text));
        Assert.Equal(["market_targets.summary", "market_targets.missed"], section.Facts.Select(f => f.Key));
        Assert.Equal((1.0, 3.0), (section.Facts[0].Args["met"].Number!.Value, section.Facts[0].Args["total"].Number!.Value));
    }

    [Fact]
    public void Without_targets_of_their_own_markets_get_no_section()
    {
        Assert.Null(StorylineBuilder.Build(Sea()).Section(SectionKind.MarketTargets));
    }

    [Theory]
    [InlineData("en", "Markets against their own targets", "Indonesia missed its own QA accuracy target: 95.5% against 97.0%.")]
    [InlineData("zh-Hans", "各市场对照自身目标", "印度尼西亚未达到自身的质检准确率目标：实际95.5%，目标97.0%。")]
    public void The_section_reads_in_the_reports_language(string language, string title, string missed)
    {
        var data = Sea(IdAccuracy);
        var document = new ReportComposer(data, ReportText.For(language)).Compose(StorylineBuilder.Build(data));

        var section = Assert.Single(document.Sections, s => s.Id == nameof(SectionKind.MarketTargets));
        Assert.Equal(title, section.Title);
        Assert.Contains(missed, section.Paragraphs.Select(p => p.Text));
        Assert.Equal(3, Assert.Single(section.Tables).Rows.Count);
    }
}
