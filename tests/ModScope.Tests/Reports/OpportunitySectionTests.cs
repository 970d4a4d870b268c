using ModScope.Monitor.Calendar;
using ModScope.Planning;
using ModScope.Planning.Forecasting;
using ModScope.Planning.Opportunities;
using ModScope.Reports;
using ModScope.Reports.Story;

namespace ModScope.Tests.Reports;

/// <summary>
/// The Opportunities section of the exec and regional reports: the top opportunities by money a week, one sentence each
/// with its size, interval and money (numbers written by hand), a caveat where the interval is wide, the reproducing
/// queries in the appendix, and the data's opportunities those of the planning library for the report's scope and day.
/// </summary>
[Collection(ReportStoreCollection.Name)]
public sealed class OpportunitySectionTests(ReportFixture fixture)
{
    /// <summary>The longest sentence an exec page may hold: a thin QA re-allocation with large numbers.</summary>
    public static Opportunity Longest { get; } = Made(OpportunityKind.QaSampling, "KUL-ALPHA", 12_345.4, 1_000.2, 23_456.6, 99_999.4);

    private static Opportunity Made(OpportunityKind kind, string site, double size, double low, double high, double money) =>
        new(kind, new Dictionary<string, string> { ["site"] = site }, new OpportunitySize(size, low, high, SizeUnit.ProductiveHours), size, money, [])
        {
            Queries = [$"modscope query --metric staffing_hours --by site --period 2026-08-24..2026-09-20 --filter site={site}"],
        };

    private static readonly Opportunity[] Four =
    [
        Made(OpportunityKind.SiteProductivity, "KUL-ALPHA", 40.4, 30.2, 50.6, 1_234.4),
        Made(OpportunityKind.LiveCoverage, "MNL-BRAVO", 182, 78, 182, 7_586.2),
        Made(OpportunityKind.SiteProductivity, "JKT-ALPHA", 10.2, 9.1, 11.3, 300.3),
        Made(OpportunityKind.SiteProductivity, "BKK-CHARLIE", 5.3, 4.4, 6.2, 100.1),
    ];

    [Fact]
    public void The_exec_report_says_the_one_worth_most_with_a_caveat_where_thin_and_cites_its_queries_and_a_regional_one_says_the_next()
    {
        var data = fixture.Exec with { Opportunities = [.. Four.OrderByDescending(o => o.MoneyPerWeek)], OpportunitiesMissing = null };
        var builder = new ReportBuilder(fixture.Catalog, fixture.Query);

        var en = builder.Compose(data, "en", charts: false);
        var zh = builder.Compose(data, "zh-Hans", charts: false);

        var section = en.Sections.Single(s => s.Id == "Opportunities");
        Assert.Equal("Opportunities", section.Title);
        // MNL-BRAVO 7,586 USD a week, the most: 78 is under half of 182, a thin interval.
        var top = Assert.Single(section.Paragraphs);
        Assert.Contains("MNL-BRAVO", top.Text, StringComparison.Ordinal);
        Assert.EndsWith(": 182 more scheduled hours a week (78 to 182), about 7,586 USD. Thin evidence (a wide interval): check before acting.", top.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(section.Paragraphs, p => p.Text.Contains("KUL-ALPHA", StringComparison.Ordinal));
        Assert.Equal(["O1"], top.Refs);
        Assert.Equal(Four[1].Queries.Single(), en.Appendix.Sources.Single(s => s.Ref == "O1").Command);
        var chinese = Assert.Single(zh.Sections.Single(s => s.Id == "Opportunities").Paragraphs);
        Assert.Equal("优化机会", zh.Sections.Single(s => s.Id == "Opportunities").Title);
        Assert.EndsWith("每周需增加 182 排班工时（78 至 182），约 7,586 美元。区间较宽、证据不足，行动前请核实。", chinese.Text, StringComparison.Ordinal);

        // The regional report's next sentence: KUL-ALPHA, an interval of 30.2 to 50.6 around 40.4 (not thin).
        var regional = OpportunityFacts.Section(data with { Scope = ReportScope.For(ReportAudience.Regional, ReportFixture.Week38, "SEA") })!;
        var second = new ModScope.Reports.Document.ReportComposer(data, ModScope.Reports.Text.ReportText.For("en")).Sentence(regional.Facts[1]);
        Assert.EndsWith(": 40 productive hours a week (30 to 51) at the peers' speed, about 1,234 USD.", second, StringComparison.Ordinal);
        var secondZh = new ModScope.Reports.Document.ReportComposer(data, ModScope.Reports.Text.ReportText.For("zh-Hans")).Sentence(regional.Facts[1]);
        Assert.EndsWith("每周可节省 40 有效工时（30 至 51），约 1,234 美元。", secondZh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regional_report_lists_five_a_quality_report_none_and_a_store_planning_cannot_use_says_so()
    {
        var many = Enumerable.Range(0, 7).Select(i => Made(OpportunityKind.SiteProductivity, $"S{i}", 10, 9, 11, 700 - (i * 100))).ToList();
        var regional = fixture.Exec with { Scope = ReportScope.For(ReportAudience.Regional, ReportFixture.Week38, "SEA"), Opportunities = many, OpportunitiesMissing = null };
        Assert.Equal(5, OpportunityFacts.Section(regional)!.Facts.Count);
        Assert.Null(OpportunityFacts.Section(fixture.Quality));
        Assert.Null(fixture.Quality.Opportunities);
        var none = OpportunityFacts.Section(fixture.Exec with { Opportunities = [], OpportunitiesMissing = null })!;
        Assert.Equal("opp.none", Assert.Single(none.Facts).Key);
        var missing = OpportunityFacts.Section(fixture.Exec with { Opportunities = null, OpportunitiesMissing = "too little history" })!;
        Assert.Equal("opp.unavailable", Assert.Single(missing.Facts).Key);
    }

    [Fact]
    public async Task The_exec_data_holds_the_planning_librarys_opportunities_as_of_the_periods_last_day()
    {
        var reader = new PlanningReader(fixture.Query);
        var metrics = PlanningMetrics.From(fixture.Catalog.Roles);
        var planner = new PlanBuilder(reader, new SeriesForecasts(reader, EventCalendar.Empty), metrics);
        var found = await new OpportunityFinder(reader, planner, metrics).FindAsync([], new ForecastSettings { HorizonDays = ReportOpportunities.HorizonDays },
            new OpportunitySettings(), new DateOnly(2026, 9, 20), CancellationToken.None);

        Assert.Null(fixture.Exec.OpportunitiesMissing);
        Assert.NotNull(fixture.Exec.Opportunities);
        Assert.Equal(found.OrderByDescending(o => o.MoneyPerWeek).Select(o => (o.Kind, o.MoneyPerWeek)), fixture.Exec.Opportunities!.Select(o => (o.Kind, o.MoneyPerWeek)));
        var section = fixture.ExecEn.Sections.Single(s => s.Id == "Opportunities");
        Assert.Equal(Math.Max(1, Math.Min(OpportunityFacts.ExecCount, found.Count)), section.Paragraphs.Count);
    }
}
