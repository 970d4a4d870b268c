using ModScope.Model;
using ModScope.Reports;
using ModScope.Reports.Document;
using ModScope.Reports.Story;
using ModScope.Reports.Text;
using static ModScope.Tests.Reports.Hand;

namespace ModScope.Tests.Reports;

/// <summary>
/// A report names a site by the reference data's name in its language (issue 17): in Chinese by sites.csv's name_zh
/// (JKT-ALPHA is 雅加达（Alpha）, KUL-ALPHA 吉隆坡（Alpha）), in the sentence as 雅加达（Alpha）站点, never by its Latin city name.
/// </summary>
public sealed class SiteNameTests
{
    private static DocSection SiteRanking(string language)
    {
        // Two sites of SEA with decisions only: neither meets a target, so the ranking falls to the name (JKT before KUL).
        var data = Data(ReportAudience.Regional,
        [
            Set(ReportSets.Headline, Row("decision_volume", 10, 9)),
            Set(ReportSets.By("site"), Row("decision_volume", 100, dimension: "site", segment: "KUL-ALPHA"), Row("decision_volume", 80, dimension: "site", segment: "JKT-ALPHA")),
        ], region: "SEA") with { Reference = ReferenceData.Shipped };
        var document = new ReportComposer(data, ReportText.For(language)).Compose(StorylineBuilder.Build(data));
        return Assert.Single(document.Sections, s => s.Id == nameof(SectionKind.SiteRanking));
    }

    [Fact]
    public void A_chinese_report_names_its_sites_in_chinese_in_the_sentence_and_the_table()
    {
        var section = SiteRanking("zh-Hans");

        var sentence = Assert.Single(section.Paragraphs).Text;
        Assert.StartsWith("雅加达（Alpha）站点表现最好", sentence, StringComparison.Ordinal);
        Assert.Contains("吉隆坡（Alpha）站点排名末位", sentence, StringComparison.Ordinal);
        var table = Assert.Single(section.Tables);
        Assert.Equal(["雅加达（Alpha）", "吉隆坡（Alpha）"], table.Rows.Select(r => r[1].Text));
        var text = sentence + string.Concat(table.Rows.SelectMany(r => r).Select(c => c.Text));
        Assert.DoesNotContain("Jakarta", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kuala Lumpur", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_english_report_keeps_the_english_site_names()
    {
        var section = SiteRanking("en");

        Assert.StartsWith("Jakarta (Alpha) site leads", Assert.Single(section.Paragraphs).Text, StringComparison.Ordinal);
        Assert.Equal(["Jakarta (Alpha)", "Kuala Lumpur (Alpha)"], Assert.Single(section.Tables).Rows.Select(r => r[1].Text));
    }
}
