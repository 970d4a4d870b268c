using ModScope.Monitor.Calendar;
using ModScope.Planning;
using ModScope.Planning.Forecasting;
using ModScope.Planning.Opportunities;
using ModScope.Reports;
using ModScope.Query;
using ModScope.Reports.Document;
using ModScope.Reports.Story;
using ModScope.Reports.Text;

namespace ModScope.Tests.Reports;

/// <summary>
/// The Opportunities section of the regional and exec reports: the top opportunities by money a week, one sentence each
/// (regional) or one line each (exec) with its size, interval and money (numbers written by hand), a caveat where the
/// interval is wide, the reproducing queries in the appendix, and the data's opportunities those of the planning library
/// for the report's scope and day.
/// </summary>
[Collection(ReportStoreCollection.Name)]
public sealed class OpportunitySectionTests(ReportFixture fixture)
{
    private static Opportunity Made(OpportunityKind kind, string site, double size, double low, double high, double money) =>
        new(kind, new Dictionary<string, string> { ["site"] = site }, new OpportunitySize(size, low, high, SizeUnit.ProductiveHours), size, money, [])
        {
            Queries = [$"modscope query --metric staffing_hours --by site --period 2026-08-24..2026-09-20 --filter site={site}"],
        };

    /// <summary>The longest exec line: a moderator's handling time (four dimensions), thin, with six-digit money.</summary>
    public static Opportunity Longest { get; } =
        new(OpportunityKind.HandlingTime, new Dictionary<string, string> { ["site"] = "KUL-ALPHA", ["moderator"] = "mod-KUL-ALPHA-0042", ["queue"] = "US-seller_kyc", ["policy"] = "counterfeit" },
            new OpportunitySize(12_345.4, 1_000.2, 23_456.6, SizeUnit.HandlingHours), 18_156.5, 999_999.4, [])
        {
            Queries = ["modscope query --metric handling_time --by moderator,queue,policy --period 2026-08-24..2026-09-20 --filter site=KUL-ALPHA"],
        };

    private static readonly ReportScope Sea = ReportScope.For(ReportAudience.Regional, ReportFixture.Week38, "SEA");

    private static readonly Opportunity[] Four =
    [
        Made(OpportunityKind.SiteProductivity, "KUL-ALPHA", 40.4, 30.2, 50.6, 1_234.4),
        Made(OpportunityKind.LiveCoverage, "MNL-BRAVO", 182, 78, 182, 7_586.2),
        Made(OpportunityKind.SiteProductivity, "JKT-ALPHA", 10.2, 9.1, 11.3, 300.3),
        Made(OpportunityKind.SiteProductivity, "BKK-CHARLIE", 5.3, 4.4, 6.2, 100.1),
    ];

    [Fact]
    public void A_regional_report_says_each_in_a_sentence_worth_most_first_with_a_caveat_where_thin_and_cites_its_queries()
    {
        var data = fixture.Exec with { Scope = Sea, Opportunities = [.. Four.OrderByDescending(o => o.MoneyPerWeek)], OpportunitiesMissing = null };
        var section = OpportunityFacts.Section(data)!;

        var en = new ReportComposer(data, ReportText.For("en")).Compose(new Storyline(data.Scope, [section], []));
        var zh = new ReportComposer(data, ReportText.For("zh-Hans")).Compose(new Storyline(data.Scope, [section], []));

        var paragraphs = en.Sections.Single(s => s.Id == "Opportunities").Paragraphs;
        Assert.Equal("Opportunities", en.Sections.Single().Title);
        Assert.Equal(4, paragraphs.Count);
        // MNL-BRAVO 7,586 USD a week, the most: 78 is under half of 182, a thin interval.
        Assert.Contains("MNL-BRAVO", paragraphs[0].Text, StringComparison.Ordinal);
        Assert.EndsWith(": 182 more scheduled hours a week (78 to 182), about 7,586 USD. Thin evidence (a wide interval): check before acting.", paragraphs[0].Text, StringComparison.Ordinal);
        // KUL-ALPHA next: 30.2 to 50.6 around 40.4 (not thin).
        Assert.EndsWith(": 40 productive hours a week (30 to 51) at the peers' speed, about 1,234 USD.", paragraphs[1].Text, StringComparison.Ordinal);
        Assert.Contains("BKK-CHARLIE", paragraphs[3].Text, StringComparison.Ordinal);
        Assert.Equal(["O1"], paragraphs[0].Refs);
        Assert.Equal(Four[1].Queries.Single(), en.Appendix.Sources.Single(s => s.Ref == "O1").Command);
        var chinese = zh.Sections.Single();
        Assert.Equal("优化机会", chinese.Title);
        Assert.EndsWith("每周需增加 182 排班工时（78 至 182），约 7,586 美元。区间较宽、证据不足，行动前请核实。", chinese.Paragraphs[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("每周可节省 40 有效工时（30 至 51），约 1,234 美元。", chinese.Paragraphs[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interval_with_no_width_is_said_for_what_it_is_not_as_182_to_182()
    {
        // Live coverage planned from the forecast's low and high bounds needs the same 182 hours: no "(182 to 182)".
        var same = Made(OpportunityKind.LiveCoverage, "TYO-INHOUSE", 182, 182, 182, 7_189.4);
        var exec = fixture.Exec with { Opportunities = [same], OpportunitiesMissing = null };
        var regional = exec with { Scope = Sea };
        string Said(ReportData data, string lang) =>
            new ReportComposer(data, ReportText.For(lang)).Compose(new Storyline(data.Scope, [OpportunityFacts.Section(data)!], [])).Sections.Single().Paragraphs.Single().Text;

        Assert.EndsWith(": needs 182 more scheduled hours a week, about 7,189 USD. The same at either end of the forecast's interval.", Said(exec, "en"), StringComparison.Ordinal);
        Assert.EndsWith("：每周需增加 182 排班工时，约 7,189 美元。按预测区间的上下限测算也相同。", Said(exec, "zh-Hans"), StringComparison.Ordinal);
        Assert.EndsWith(": 182 more scheduled hours a week, about 7,189 USD. The same at either end of the forecast's interval.", Said(regional, "en"), StringComparison.Ordinal);
        Assert.EndsWith("每周需增加 182 排班工时，约 7,189 美元。按预测区间的上下限测算也相同。", Said(regional, "zh-Hans"), StringComparison.Ordinal);
        Assert.DoesNotContain("182 to 182", Said(exec, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_regional_report_lists_five_an_exec_report_three_a_quality_report_none_and_a_store_planning_cannot_use_says_so()
    {
        var many = Enumerable.Range(0, 7).Select(i => Made(OpportunityKind.SiteProductivity, $"S{i}", 10, 9, 11, 700 - (i * 100))).ToList();
        var regional = fixture.Exec with { Scope = Sea, Opportunities = many, OpportunitiesMissing = null };
        Assert.Equal(5, OpportunityFacts.Section(regional)!.Facts.Count);
        var exec = OpportunityFacts.Section(fixture.Exec with { Opportunities = many, OpportunitiesMissing = null })!;
        Assert.Equal(["S0", "S1", "S2"], exec.Facts.Select(f => f.Args["subject"].Text!.Split('=')[1]));
        Assert.All(exec.Facts, f => Assert.StartsWith("opp.line.", f.Key, StringComparison.Ordinal));
        Assert.Null(OpportunityFacts.Section(fixture.Quality));
        Assert.Null(fixture.Quality.Opportunities);
        Assert.NotNull(fixture.Exec.Opportunities);
        Assert.Contains(fixture.ExecEn.Sections, s => s.Id == "Opportunities");
        var none = OpportunityFacts.Section(fixture.Exec with { Scope = Sea, Opportunities = [], OpportunitiesMissing = null })!;
        Assert.Equal("opp.none", Assert.Single(none.Facts).Key);
        var missing = OpportunityFacts.Section(fixture.Exec with { Scope = Sea, Opportunities = null, OpportunitiesMissing = "too little history" })!;
        Assert.Equal("opp.unavailable", Assert.Single(missing.Facts).Key);
    }

    [Fact]
    public void An_exec_report_gives_each_of_its_top_three_one_line_with_hours_and_money_and_their_intervals()
    {
        // KUL-ALPHA: 40.4 productive hours (30.2 to 50.6) worth 50.6 scheduled hours; the size's interval scaled to hours:
        // 50.6 x 30.2 / 40.4 = 37.83 -> 38, 50.6 x 50.6 / 40.4 = 63.38 -> 63; to money: 1,234.4 x 30.2 / 40.4 = 922.7 -> 923,
        // 1,234.4 x 50.6 / 40.4 = 1,546.1 -> 1,546. Live coverage 182 (78 to 182) scheduled hours, money 7,586.2: 78 / 182 of
        // it is 3,251.2 -> 3,251.
        var four = Four.Select(o => o.Subject["site"] == "KUL-ALPHA" ? o with { HoursPerWeek = 50.6 } : o).OrderByDescending(o => o.MoneyPerWeek).ToList();
        var data = fixture.Exec with { Opportunities = four, OpportunitiesMissing = null };
        var section = OpportunityFacts.Section(data)!;

        var en = new ReportComposer(data, ReportText.For("en")).Compose(new Storyline(data.Scope, [section], []));
        var zh = new ReportComposer(data, ReportText.For("zh-Hans")).Compose(new Storyline(data.Scope, [section], []));

        var lines = en.Sections.Single().Paragraphs;
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("Live coverage, ", lines[0].Text, StringComparison.Ordinal);
        Assert.Contains("MNL-BRAVO", lines[0].Text, StringComparison.Ordinal);
        Assert.EndsWith(": needs 182 more scheduled hours a week (78 to 182), about 7,586 USD (3,251 to 7,586). Tentative.", lines[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Site productivity, ", lines[1].Text, StringComparison.Ordinal);
        Assert.Contains("KUL-ALPHA", lines[1].Text, StringComparison.Ordinal);
        Assert.EndsWith(": could save 51 scheduled hours a week (38 to 63), about 1,234 USD (923 to 1,546).", lines[1].Text, StringComparison.Ordinal);
        Assert.Contains("JKT-ALPHA", lines[2].Text, StringComparison.Ordinal);
        Assert.Equal(["O1"], lines[0].Refs);
        Assert.Equal(four[0].Queries.Single(), en.Appendix.Sources.Single(s => s.Ref == "O1").Command);
        var chinese = zh.Sections.Single().Paragraphs;
        Assert.StartsWith("直播值守，", chinese[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("每周需增加 182 排班工时（78 至 182），约 7,586 美元（3,251 至 7,586）。待核实。", chinese[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("每周可节省 51 排班工时（38 至 63），约 1,234 美元（923 至 1,546）。", chinese[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_regional_report_holds_the_planning_librarys_opportunities_for_its_region_as_of_the_periods_last_day()
    {
        var reader = new PlanningReader(fixture.Query);
        var metrics = PlanningMetrics.From(fixture.Catalog.Roles);
        var planner = new PlanBuilder(reader, new SeriesForecasts(reader, EventCalendar.Empty), metrics);
        var found = await new OpportunityFinder(reader, planner, metrics).FindAsync([new DimensionFilter("region", FilterOperator.Equals, ["SEA"])],
            new ForecastSettings { HorizonDays = ReportOpportunities.HorizonDays }, new OpportunitySettings(), new DateOnly(2026, 9, 20), CancellationToken.None);

        var data = await ReportOpportunities.AddAsync(fixture.Exec with { Scope = Sea }, fixture.Query, CancellationToken.None);

        Assert.Null(data.OpportunitiesMissing);
        // The same opportunities; sums in another order differ in the last digits.
        var expected = found.OrderByDescending(o => o.MoneyPerWeek).ToList();
        Assert.Equal(expected.Select(o => o.Kind), data.Opportunities!.Select(o => o.Kind));
        Assert.All(expected.Zip(data.Opportunities!), p => Assert.Equal(p.First.MoneyPerWeek, p.Second.MoneyPerWeek, 1e-9 * Math.Max(1, p.First.MoneyPerWeek)));
    }

    [Fact]
    public async Task An_exec_report_holds_the_planning_librarys_top_three_for_its_whole_scope_as_of_the_periods_last_day()
    {
        var reader = new PlanningReader(fixture.Query);
        var metrics = PlanningMetrics.From(fixture.Catalog.Roles);
        var planner = new PlanBuilder(reader, new SeriesForecasts(reader, EventCalendar.Empty), metrics);
        var found = await new OpportunityFinder(reader, planner, metrics).FindAsync([],
            new ForecastSettings { HorizonDays = ReportOpportunities.HorizonDays }, new OpportunitySettings(), new DateOnly(2026, 9, 20), CancellationToken.None);
        var top = found.OrderByDescending(o => o.MoneyPerWeek).Take(OpportunityFacts.ExecCount).ToList();

        var lines = fixture.ExecEn.Sections.Single(s => s.Id == "Opportunities").Paragraphs;

        // Each line carries the library's hours and money a week, rounded as the report writes counts.
        Assert.NotEmpty(top);
        Assert.Equal(top.Count, lines.Count);
        foreach (var (o, line) in top.Zip(lines))
        {
            Assert.Contains($" {Math.Round(o.HoursPerWeek).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} ", line.Text, StringComparison.Ordinal);
            Assert.Contains($"about {Math.Round(o.MoneyPerWeek).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} USD", line.Text, StringComparison.Ordinal);
        }
    }
}
