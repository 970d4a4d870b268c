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
    public async Task Xlsx_lists_its_sheets_with_full_titles_and_each_table_has_headers_an_autofilter_on_it_and_rates_in_percent()
    {
        var path = fixture.File("exec.xlsx");
        var document = fixture.ExecEn;
        XlsxRenderer.Write(document, path);

        var sheets = MiniExcel.GetSheetNames(path);
        List<IDictionary<string, object?>> Read(string sheet) => MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
        // A contents sheet first: its header row, then every other sheet by name with its full title (a name is cut to Excel's 31 characters).
        var contents = Read(sheets[0]);
        Assert.Equal("Contents", sheets[0]);
        Assert.Equal(new object?[] { "Sheet", "Title" }, new[] { contents[0]["A"], contents[0]["B"] });
        Assert.Equal(sheets.Skip(1), contents.Skip(1).Select(r => (string)r["A"]!));
        var titles = contents.Skip(1).Select(r => (string)r["B"]!).ToList();
        Assert.All(sheets, name => Assert.True(name.Length <= 31, name));
        Assert.Subset(titles.ToHashSet(), document.Sections.Select(s => s.Title).Append(document.Appendix.Title).ToHashSet());
        var scorecard = document.Sections[0].Tables[0];
        var sheet = sheets[1 + titles.IndexOf($"{scorecard.Title} [{scorecard.Ref}]")];
        // The table's own header row on the first row; the same totals asked for again, independently of the report.
        var rows = Read(sheet);
        Assert.Equal(scorecard.Headers, rows[0].Values.Take(scorecard.Headers.Count).Cast<string>());
        var metrics = new[] { "decision_volume", "qa_accuracy", "sla_attainment", "appeal_overturn_rate", "automation_rate", "backlog_end_of_period" };
        var expected = await fixture.Query.RunAsync(new MetricRequest(metrics, [], TimeGrain.None, [], ReportFixture.Week38, Comparison.PreviousPeriod));
        foreach (var result in expected)
        {
            var row = rows.Single(r => Equals(r["A"], fixture.Catalog.Metric(result.Metric).Name.En));
            Assert.Equal(result.Value!.Value, Convert.ToDouble(row["B"], System.Globalization.CultureInfo.InvariantCulture), 9);
            Assert.Equal(result.ComparisonValue!.Value, Convert.ToDouble(row["C"], System.Globalization.CultureInfo.InvariantCulture), 9);
        }
        // Read with the Open XML SDK: every sheet but the contents filters its table from the header row (A1) to its last row,
        // and a rate is a number formatted as a percentage while a count is not.
        using var xlsx = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        var book = xlsx.WorkbookPart!;
        foreach (var s in book.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Skip(1))
        {
            var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)book.GetPartById(s.Id!);
            var filter = part.Worksheet.Elements<DocumentFormat.OpenXml.Spreadsheet.AutoFilter>().Single().Reference!.Value!;
            var last = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Max(r => r.RowIndex!.Value);
            Assert.StartsWith("A1:", filter, StringComparison.Ordinal);
            Assert.EndsWith(last.ToString(System.Globalization.CultureInfo.InvariantCulture), filter, StringComparison.Ordinal);
        }
        var scorePart = (DocumentFormat.OpenXml.Packaging.WorksheetPart)book.GetPartById(book.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == sheet).Id!);
        string? Format(string metric)
        {
            var index = rows.FindIndex(r => Equals(r["A"], fixture.Catalog.Metric(metric).Name.En)) + 1;
            var cell = scorePart.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference == $"B{index}");
            var style = (DocumentFormat.OpenXml.Spreadsheet.CellFormat)book.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)(cell.StyleIndex?.Value ?? 0));
            return book.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.NumberingFormat>()
                .FirstOrDefault(f => f.NumberFormatId!.Value == (style.NumberFormatId?.Value ?? 0))?.FormatCode?.Value;
        }
        Assert.Equal("0.0%", Format("qa_accuracy"));
        Assert.Equal("0.0%", Format("sla_attainment"));
        Assert.Null(Format("decision_volume"));
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
