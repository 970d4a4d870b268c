using System.Diagnostics;
using ModScope.Reports;
using ModScope.Reports.Story;
using ModScope.Rendering;

namespace ModScope.Tests.Reports;

/// <summary>
/// PDF through Debian's chromium (installed by .ci/run with poppler-utils): two renders, English and Chinese; each opens,
/// renders to PNG with pdftoppm, and its text (Chinese included) is extractable with pdftotext; the appendix wraps a long
/// command inside the page; the exec review, at its longest, fits one page before the appendix.
/// </summary>
[Collection(ReportStoreCollection.Name)]
public sealed class PdfTests(ReportFixture fixture)
{
    [Theory]
    [InlineData("en", "Moderation business review", "Decisions needed")]
    [InlineData("zh-Hans", "内容审核业务复盘", "待决策事项")]
    public async Task A_pdf_renders_to_png_and_its_text_can_be_extracted(string language, string title, string section)
    {
        var document = language == "en" ? fixture.ExecEn : fixture.ExecZh;
        var pdf = fixture.File($"exec-{language}.pdf");

        await ReportRenderer.WriteAsync(document, ReportFormat.Pdf, pdf);

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 4));
        var prefix = fixture.File($"page-{language}");
        Run("pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", pdf, prefix);
        var png = Directory.GetFiles(fixture.Folder, $"page-{language}*.png").Single();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png).Take(4));
        var text = Run("pdftotext", "-enc", "UTF-8", pdf, "-");
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(section, text, StringComparison.Ordinal);
        Assert.Contains(document.Sections[0].Paragraphs[0].Text[..12], text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task The_exec_report_fits_its_one_page_before_the_appendix(string language)
    {
        // The longest exec storyline: the week's movements repeated up to the most an exec page lists, and as many of the
        // longest opportunity lines (a thin handling-time outlier of a moderator, six-digit money) as it lists.
        var longestOpportunities = fixture.Exec with { Opportunities = [.. Enumerable.Repeat(OpportunitySectionTests.Longest, OpportunityFacts.ExecCount)], OpportunitiesMissing = null };
        var composed = new ReportBuilder(fixture.Catalog, fixture.Query) { Charts = new ChartRenderer() }.Compose(longestOpportunities, language);
        Assert.Equal(OpportunityFacts.ExecCount, composed.Sections.Single(s => s.Id == "Opportunities").Paragraphs.Count);
        var moves = composed.Sections.Single(s => s.Id == "Movements");
        var longest = moves with { Paragraphs = [.. Enumerable.Range(0, StoryRules.Default.MaxMovements).Select(i => moves.Paragraphs[i % moves.Paragraphs.Count])] };
        var document = composed with { Sections = [.. composed.Sections.Select(s => s.Id == "Movements" ? longest : s)] };
        var pdf = fixture.File($"exec-fit-{language}.pdf");

        await ReportRenderer.WriteAsync(document, ReportFormat.Pdf, pdf);

        // The appendix starts a page of its own, so the body is one page exactly when the appendix's title opens page 2
        // and page 1 holds the body's last words (the last chart's caption, or the decisions).
        var first = Run("pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", pdf, "-");
        var second = Run("pdftotext", "-enc", "UTF-8", "-f", "2", "-l", "2", pdf, "-");
        var last = document.Charts is { Items.Count: > 0 } charts ? charts.Items[^1].Title : document.Sections[^1].Paragraphs[^1].Text[..12];
        Assert.Contains(last, first, StringComparison.Ordinal);
        Assert.StartsWith(document.Appendix.Title, second.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_appendix_wraps_a_long_command_inside_the_page_instead_of_clipping_it()
    {
        // A command with one long unbroken token (many metrics), as a report with many metrics cites.
        var metrics = string.Join(',', Enumerable.Range(1, 30).Select(i => $"metric_number_{i}"));
        var command = $"modscope query --metric {metrics} --period 2026-09-14..2026-09-20 --tz UTC --compare previous";
        var document = fixture.ExecEn with
        {
            Appendix = fixture.ExecEn.Appendix with { Sources = [new ModScope.Reports.Document.DocSource("R1", "A long one", command, null)] },
        };
        var html = HtmlRenderer.Render(document);

        // Laid out by chromium at an A4 page's printable width (210 mm less 24 mm of margins, 96 px per inch): nothing is wider.
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = PdfRenderer.Chromium(), Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = (int)(186 / 25.4 * 96), Height = 1000 } });
        await page.SetContentAsync(html);
        var overflow = await page.EvaluateAsync<int>("() => Math.max(...[...document.querySelectorAll('#appendix dd, #appendix dd code')].map(e => e.getBoundingClientRect().right)) - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the appendix runs {overflow} px past the page");
    }

    [Fact]
    public void Without_chromium_the_error_names_the_debian_package()
    {
        var saved = Environment.GetEnvironmentVariable("MODSCOPE_CHROMIUM");
        try
        {
            Environment.SetEnvironmentVariable("MODSCOPE_CHROMIUM", "/nonexistent/chromium");
            var error = Assert.Throws<FileNotFoundException>(PdfRenderer.Chromium);
            Assert.Contains("Debian package 'chromium'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MODSCOPE_CHROMIUM", saved);
        }
    }

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (poppler-utils installed?)");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
        return output;
    }
}
