using System.Diagnostics;
using ModScope.Reports;
using ModScope.Rendering;

namespace ModScope.Tests.Reports;

/// <summary>
/// PDF through Debian's chromium (installed by .ci/run with poppler-utils): two renders, English and Chinese; each opens,
/// renders to PNG with pdftoppm, and its text (Chinese included) is extractable with pdftotext.
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
