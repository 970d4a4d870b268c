using Microsoft.Playwright;

namespace ModScope.Rendering;

/// <summary>
/// Prints the HTML report to PDF (A4) with Debian's chromium driven by Playwright; no browser is downloaded. The fonts
/// the page uses (Noto Sans CJK for Chinese) are embedded by chromium. Set MODSCOPE_CHROMIUM to use another binary.
/// </summary>
public static class PdfRenderer
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

    /// <summary>The chromium binary to use, or a <see cref="FileNotFoundException"/> naming the Debian package to install.</summary>
    public static string Chromium()
    {
        var path = Environment.GetEnvironmentVariable("MODSCOPE_CHROMIUM") is { Length: > 0 } custom ? custom : DefaultChromium;
        return File.Exists(path) ? path
            : throw new FileNotFoundException(
                $"PDF output needs a chromium browser, and '{path}' does not exist: install the Debian package 'chromium' (apt-get install chromium), " +
                "or set MODSCOPE_CHROMIUM to a chromium binary; HTML, Markdown and XLSX work without it.", path);
    }

    public static async Task WriteAsync(string html, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        await File.WriteAllBytesAsync(path, await RenderAsync(html, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The PDF of <paramref name="html"/>, as bytes.</summary>
    public static async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var chromium = Chromium();
        cancellationToken.ThrowIfCancellationRequested();
        using var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Args = Arguments,
        }).ConfigureAwait(false);
        var page = await browser.NewPageAsync().ConfigureAwait(false);
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PrintBackground = true,
            Margin = new Margin { Top = "14mm", Bottom = "14mm", Left = "12mm", Right = "12mm" },
        }).ConfigureAwait(false);
    }
}
