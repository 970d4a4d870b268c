using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using ModScope.Monitor.Alerts;
using ModScope.Query;
using ModScope.Reports;
using ModScope.Reports.Document;
using ModScope.Rendering;
using ModScope.Reports.Story;
using ModScope.Reports.Text;

namespace ModScope.Web.Tests;

/// <summary>
/// /api/report: each file holds what the library's storyline chooses for the same request (asked again here, through
/// the library, on the same store); the workbook's numbers equal an independent metric request; bad parameters → 400.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ReportApiTests(DashboardStore store) : ApiTestBase(store)
{
    /// <summary>The last full week of data as an ISO week ("2026-W38"): a period text that does not depend on "now".</summary>
    private string Week => $"{ISOWeek.GetYear(LastFullWeek.Start)}-W{ISOWeek.GetWeekOfYear(LastFullWeek.Start):00}";

    private AlertStore Alerts => Factory.Services.GetRequiredService<Dashboard>().Alerts;

    /// <summary>The library's own report data and storyline for the request.</summary>
    private async Task<(ReportData Data, Storyline Story)> Expected(ReportAudience audience, string? region = null)
    {
        var period = PeriodParser.Parse(Week, "UTC", Store.DataEnd);
        // Named from the dashboard store's reference data, as the API's report is.
        var reference = Factory.Services.GetRequiredService<Dashboard>().Reference;
        var data = await new ReportBuilder(Store.Catalog, Query) { Reference = reference }.LoadAsync(ReportScope.For(audience, period, region), Alerts.List());
        return (data, StorylineBuilder.Build(data));
    }

    [Fact]
    public async Task An_html_exec_report_holds_every_fact_the_storyline_chooses_for_the_same_request()
    {
        using var response = await Client.GetAsync($"/api/report?period={Week}&audience=exec&lang=en&format=html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName;
        Assert.Equal(FormattableString.Invariant($"modscope-exec-{LastFullWeek.Start:yyyy-MM-dd}_{LastFullWeek.End.AddDays(-1):yyyy-MM-dd}-en.html"), name?.Trim('"'));
        var html = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var (data, story) = await Expected(ReportAudience.Exec);
        var composer = new ReportComposer(data, ReportText.For("en"));
        var paragraphs = html.QuerySelectorAll("p.fact").Select(p => p.TextContent).ToList();
        Assert.NotEmpty(story.Facts);
        Assert.Equal(story.Facts.Count(), paragraphs.Count);
        foreach (var fact in story.Facts)
        {
            var sentence = composer.Sentence(fact);
            Assert.Contains(paragraphs, p => p.StartsWith(sentence, StringComparison.Ordinal));
        }
        Assert.All(html.QuerySelectorAll("img"), i => Assert.StartsWith("data:image/png;base64,", i.GetAttribute("src"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_markdown_quality_report_in_chinese_holds_every_fact_in_chinese()
    {
        using var response = await Client.GetAsync($"/api/report?period={Week}&audience=quality&lang=zh-Hans&format=md");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("-zh-Hans.md", (response.Content.Headers.ContentDisposition?.FileNameStar ?? "").Trim('"'), StringComparison.Ordinal);
        var markdown = await response.Content.ReadAsStringAsync();
        var (data, story) = await Expected(ReportAudience.Quality);
        var composer = new ReportComposer(data, ReportText.For("zh-Hans"));
        Assert.NotEmpty(story.Facts);
        foreach (var fact in story.Facts)
        {
            Assert.Contains(composer.Sentence(fact).Replace("|", "\\|", StringComparison.Ordinal), markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_xlsx_report_opens_and_its_scorecard_equals_an_independent_metric_request()
    {
        using var response = await Client.GetAsync($"/api/report?period={Week}&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcel.GetSheetNames(workbook);
        Assert.True(sheets.Count >= 4, "the contents, a sheet per section and per table, the charts' points and the sources");
        // The contents, the headline's sentences, then its scorecard table (its header row first).
        var rows = MiniExcel.Query(workbook, useHeaderRow: false, sheetName: sheets[2]).Cast<IDictionary<string, object?>>().ToList();
        var period = PeriodParser.Parse(Week, "UTC", Store.DataEnd);
        var expected = await Query.RunAsync(new MetricRequest(["decision_volume", "qa_accuracy", "sla_attainment"], [], TimeGrain.None, [], period, Comparison.PreviousPeriod));
        Assert.Equal(3, expected.Count);
        foreach (var result in expected)
        {
            var row = rows.Single(r => Equals(r["A"], Store.Catalog.Metric(result.Metric).Name.En));
            Assert.Equal(result.Value!.Value, Convert.ToDouble(row["B"], CultureInfo.InvariantCulture), 9);
            Assert.Equal(result.ComparisonValue!.Value, Convert.ToDouble(row["C"], CultureInfo.InvariantCulture), 9);
        }
    }

    [Fact]
    public async Task A_regional_report_explains_its_alerts_without_writing_to_the_store()
    {
        static string Explanations(IEnumerable<Alert> alerts) => string.Join('\n', alerts.Select(a => $"{a.Id}:{a.Finding.Explanation}"));
        var before = Explanations(Alerts.List());

        using var response = await Client.GetAsync($"/api/report?period={Week}&audience=regional&region=SEA&format=md");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var markdown = await response.Content.ReadAsStringAsync();
        var (data, _) = await Expected(ReportAudience.Regional, "SEA");
        var sections = new ReportBuilder(Store.Catalog, Query).Compose(data, "en", charts: false).Sections;
        Assert.NotEmpty(sections);
        Assert.All(sections, s => Assert.Contains($"\n## {s.Title}\n", markdown, StringComparison.Ordinal));
        Assert.Equal(before, Explanations(Alerts.List()));
    }

    [Theory]
    [InlineData("audience=boss", "audience")]
    [InlineData("format=docx", "format")]
    [InlineData("lang=fr", "lang")]
    [InlineData("period=someday", "period")]
    [InlineData("period=2020-01", "period")]
    [InlineData("audience=regional", "region")]
    [InlineData("audience=regional&region=MARS", "region")]
    [InlineData("market=ZZ", "market")]
    [InlineData("region=SEA&market=ID", "market")]
    [InlineData("tz=Mars/Olympus", "tz")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        using var response = await Client.GetAsync($"/api/report?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task A_pdf_report_is_printed_by_chromium()
    {
        using var response = await Client.GetAsync($"/api/report?period={Week}&lang=zh-Hans&format=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
    }

    [Fact]
    public async Task A_pdf_without_chromium_is_a_503_naming_the_debian_package()
    {
        var saved = Environment.GetEnvironmentVariable("MODSCOPE_CHROMIUM");
        try
        {
            Environment.SetEnvironmentVariable("MODSCOPE_CHROMIUM", "/nonexistent/chromium");
            using var response = await Client.GetAsync($"/api/report?period={Week}&format=pdf");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("Debian package 'chromium'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MODSCOPE_CHROMIUM", saved);
        }
    }

    [Fact]
    public async Task OpenApi_describes_the_report_endpoint_and_its_parameters()
    {
        var document = await GetJson("/openapi");
        var report = document.GetProperty("paths").GetProperty("/api/report").GetProperty("get");
        var names = report.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["period", "audience", "region", "market", "lang", "format", "tz", "asOf"], names);
        Assert.True(report.GetProperty("responses").TryGetProperty("400", out _));
    }
}
