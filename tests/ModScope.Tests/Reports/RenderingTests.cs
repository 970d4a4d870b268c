using AngleSharp.Html.Parser;
using MiniExcelLibs;
using ModScope.Query;
using ModScope.Reports;
using ModScope.Reports.Document;
using ModScope.Rendering;
using ModScope.Reports.Story;
using ModScope.Reports.Text;

namespace ModScope.Tests.Reports;

/// <summary>Rendered reports on a generated store: HTML, Markdown and XLSX hold every chosen fact and the metric results' numbers.</summary>
[Collection(ReportStoreCollection.Name)]
public sealed class RenderingTests(ReportFixture fixture)
{
    private static string Sentence(ReportData data, string language, Fact fact) => new ReportComposer(data, ReportText.For(language)).Sentence(fact);

    [Fact]
    public void Html_parses_is_self_contained_and_holds_every_chosen_fact_and_table()
    {
        var html = HtmlRenderer.Render(fixture.ExecEn);
        var document = new HtmlParser().ParseDocument(html);
        var story = StorylineBuilder.Build(fixture.Exec);

        var paragraphs = document.QuerySelectorAll("p.fact").Select(p => p.TextContent).ToList();
        Assert.NotEmpty(story.Facts);
        foreach (var fact in story.Facts)
        {
            var sentence = Sentence(fixture.Exec, "en", fact);
            Assert.Contains(paragraphs, p => p.StartsWith(sentence, StringComparison.Ordinal));
        }
        var scorecard = document.QuerySelectorAll("section#Headline table tbody tr").ToList();
        Assert.Equal(story.Section(SectionKind.Headline)!.Tables[0].Rows.Count, scorecard.Count);
        Assert.True(scorecard.All(r => r.QuerySelectorAll("td").Length <= 4), "exec tables have at most four columns");
        // Self-contained: every image is inline; every cited source is listed in the appendix.
        var images = document.QuerySelectorAll("img").Select(i => i.GetAttribute("src") ?? "").ToList();
        Assert.Equal(fixture.ExecEn.Charts!.Items.Count, images.Count);
        Assert.All(images, src => Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal));
        var cited = document.QuerySelectorAll("span.ref a").Select(a => a.TextContent).ToHashSet();
        var listed = document.QuerySelectorAll("#appendix dt").Select(dt => dt.Id ?? "").ToHashSet();
        Assert.Subset(listed, cited);
        Assert.All(document.QuerySelectorAll("#appendix dd pre"), pre => Assert.Contains("SELECT", pre.TextContent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Markdown_holds_every_chosen_fact()
    {
        var markdown = MarkdownRenderer.Render(fixture.QualityZh);
        foreach (var fact in StorylineBuilder.Build(fixture.Quality).Facts)
        {
            Assert.Contains(Sentence(fixture.Quality, "zh-Hans", fact).Replace("|", "\\|", StringComparison.Ordinal), markdown, StringComparison.Ordinal);
        }
        Assert.Contains("```sql", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_has_a_sheet_per_section_and_its_scorecard_numbers_equal_an_independent_metric_query()
    {
        var path = fixture.File("exec.xlsx");
        XlsxRenderer.Write(fixture.ExecEn, path);

        var sheets = MiniExcel.GetSheetNames(path);
        // Sheet names: the section titles without the characters Excel forbids (':' here), cut to 28 characters.
        static string Sheet(string title) { var t = title.Replace(":", "", StringComparison.Ordinal); return (t.Length > 28 ? t[..28] : t).Trim(); }
        Assert.Equal([.. fixture.ExecEn.Sections.Select(s => Sheet(s.Title)), Sheet(fixture.ExecEn.Charts!.Title), Sheet(fixture.ExecEn.Appendix.Title)], sheets);
        // The same totals asked for again, independently of the report: every metric's value and prior value.
        var metrics = new[] { "decision_volume", "qa_accuracy", "sla_attainment", "appeal_overturn_rate", "automation_rate", "backlog_end_of_period" };
        var expected = await fixture.Query.RunAsync(new MetricRequest(metrics, [], TimeGrain.None, [], ReportFixture.Week38, Comparison.PreviousPeriod));
        var rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheets[0]).Cast<IDictionary<string, object?>>().ToList();
        foreach (var result in expected)
        {
            var name = fixture.Catalog.Metric(result.Metric).Name.En;
            var row = rows.Single(r => Equals(r["A"], name));
            Assert.Equal(result.Value!.Value, Convert.ToDouble(row["B"], System.Globalization.CultureInfo.InvariantCulture), 9);
            Assert.Equal(result.ComparisonValue!.Value, Convert.ToDouble(row["C"], System.Globalization.CultureInfo.InvariantCulture), 9);
        }
    }

    [Fact]
    public void A_chart_puts_weeks_and_months_side_by_side_in_one_png_with_a_cjk_font()
    {
        Assert.NotNull(CjkFont.Family);
        var chart = fixture.ExecZh.Charts!.Items[0];
        using var bitmap = SkiaSharp.SKBitmap.Decode(chart.Png);
        var renderer = new ChartRenderer();
        Assert.Equal(2 * renderer.PanelWidth, bitmap.Width);
        Assert.Equal(renderer.PanelHeight, bitmap.Height);
        Assert.Contains(chart.Points, p => p.Series == "week");
        Assert.Contains(chart.Points, p => p.Series == "month");
    }
}
