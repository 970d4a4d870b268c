using ModScope.Query;
using ModScope.Reports;
using ModScope.Reports.Story;
using ModScope.Reports.Text;
using static ModScope.Tests.Reports.Hand;

namespace ModScope.Tests.Reports;

/// <summary>What a report asks the query layer for, and how its numbers and periods read in each language.</summary>
public sealed class ReportRequestsTests
{
    private static readonly ReportDataLoader Loader = new(Hand.Catalog, null!);

    [Fact]
    public void A_regional_report_asks_for_its_markets_the_global_totals_and_kappa_without_a_comparison()
    {
        var requests = Loader.Requests(ReportScope.For(ReportAudience.Regional, Week46, region: "SEA")).ToDictionary(r => r.Id, r => r.Request);

        // The region itself: each decision counts in the region its market belonged to when it was decided.
        var filter = Assert.Single(requests[ReportSets.Headline].Filters);
        Assert.Equal("region", filter.Dimension);
        Assert.Equal(["SEA"], filter.Values);
        Assert.Empty(requests[ReportSets.Global].Filters);
        Assert.Equal(Comparison.PreviousPeriod, requests[ReportSets.By("market")].Comparison);
        Assert.All(requests.Values, r => Assert.DoesNotContain("qa_agreement_kappa", r.Comparison == Comparison.None || r.Dimensions.Count == 0 ? [] : r.Metrics));
    }

    [Fact]
    public void Trailing_weeks_end_with_the_last_full_week_and_months_with_the_month_of_the_last_day()
    {
        var november = new Period(new DateTime(2026, 11, 1), new DateTime(2026, 12, 1), "UTC", "2026-11");

        // 30 November 2026 is a Monday: the last full week of November ends on Sunday the 29th.
        Assert.Equal((new DateTime(2026, 10, 19), new DateTime(2026, 11, 30)), (Loader.Weeks(november).Start, Loader.Weeks(november).End));
        Assert.Equal((new DateTime(2025, 12, 1), new DateTime(2026, 12, 1)), (Loader.Months(november).Start, Loader.Months(november).End));
        Assert.Equal((new DateTime(2026, 10, 5), new DateTime(2026, 11, 16)), (Loader.Weeks(Week46).Start, Loader.Weeks(Week46).End));
    }

    [Theory]
    [InlineData("en", "week 46 of 2026", "−1.5 pp", "96.4%", "2,345", "29.8 h", "Indonesia")]
    [InlineData("zh-Hans", "2026年第46周", "−1.5个百分点", "96.4%", "2,345", "29.8小时", "印度尼西亚市场")]
    public void Periods_changes_and_units_read_naturally_in_each_language(string language, string week, string change, string share, string count, string hours, string segment)
    {
        var format = new ReportFormatter(ReportText.For(language), Hand.Catalog, ReportScope.For(ReportAudience.Exec, Week46), ModScope.Model.ReferenceData.Shipped);

        Assert.Equal(week, format.Format(FactArg.PeriodLabel(prior: false)));
        Assert.Equal(change, format.Format(FactArg.Change("qa_accuracy", -0.015)));
        Assert.Equal(share, format.Format(FactArg.Value("qa_accuracy", 0.9641)));
        Assert.Equal(count, format.Format(FactArg.Value("decision_volume", 2345)));
        Assert.Equal(hours, format.Format(FactArg.Value("tat_p90_hours", 29.79)));
        Assert.Equal(segment, format.Format(FactArg.Segment("market", "ID")));
    }
}
