using ModScope.Query;
using ModScope.Reports;
using ModScope.Reports.Document;
using ModScope.Reports.Story;
using ModScope.Reports.Text;
using static ModScope.Tests.Reports.Hand;

namespace ModScope.Tests.Reports;

/// <summary>
/// A report over a period whose previous period the data only partly covers (the demo's "last 8 weeks": +106.7%
/// decisions) says the comparison is not available and why, never a rise, in both languages; and the same words for the
/// dashboard and the CLI (<see cref="CoverageWords"/>).
/// </summary>
public sealed class PartialComparisonSentenceTests
{
    // Data from Tue 13 Oct 2026; the previous period is 21 Sep .. 15 Nov (10 + 31 + 15 = 56 days), of which
    // 13..31 Oct (19 days) and 1..15 Nov (15 days) have data: 34 of 56.
    private static readonly ComparisonCoverage Counted = new(new DateOnly(2026, 10, 13), 56, 56, 56, 34, Comparable: false);

    private static string Headline(string language)
    {
        // What the door answers for a count over a partly covered previous period: the previous value, no change, no test.
        var volume = Row("decision_volume", 200_000, 96_000) with { AbsoluteChange = null, RelativeChange = null, Coverage = Counted };
        var data = Data(ReportAudience.Exec, [Set(ReportSets.Headline, volume)]);
        var story = StorylineBuilder.Build(data);
        var fact = Assert.Single(story.Facts, f => f.Key.StartsWith("headline.volume.", StringComparison.Ordinal));
        Assert.Equal("headline.volume.partial", fact.Key);
        return new ReportComposer(data, ReportText.For(language)).Sentence(fact);
    }

    [Theory]
    [InlineData("en", "Decision volume was ", "not compared with the period before, which has data for only 34 of its 56 days (data from 13 Oct 2026).", "rose")]
    [InlineData("zh-Hans", "审核决策量为", "上期56天中仅有34天有数据（数据始于2026年10月13日），不与上期比较。", "上升")]
    public void The_report_says_the_volume_is_not_compared_and_why(string language, string opening, string why, string rise)
    {
        var sentence = Headline(language);

        Assert.StartsWith(opening, sentence, StringComparison.Ordinal);
        Assert.Contains(why, sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("%", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(rise, sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dashboard_and_cli_words_name_the_period_its_days_and_whether_it_was_compared()
    {
        Assert.Equal("Not compared: the previous period has data for 34 of 56 days (data from 13 Oct 2026), so a total over it is not a rise or a fall.",
            CoverageWords.Of(Counted, ReportText.For("en")));
        Assert.Equal("不作比较：上一周期 56 天中仅有 34 天有数据（数据始于2026年10月13日）；天数不同的总量不能比较增减。",
            CoverageWords.Of(Counted, ReportText.For("zh-Hans")));
        // A share over the same days is compared on them; a current period that starts before the data is named too.
        Assert.Equal("Compared on the days with data: the previous period has data for 34 of 56 days; this period has data for 5 of 7 days (data from 13 Oct 2026).",
            CoverageWords.Of(Counted with { Comparable = true, Days = 7, DaysWithData = 5 }, ReportText.For("en")));
        Assert.Null(CoverageWords.Of(null, ReportText.For("en")));
    }
}
