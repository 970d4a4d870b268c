using System.Security.Cryptography;
using System.Text;
using ModScope.Rendering;
using ModScope.Reports.Document;

namespace ModScope.Web.Hardening;

/// <summary>
/// The CSP hash (<c>sha256-…</c>) of the stylesheet every HTML report carries inline, taken from what the library's
/// <see cref="HtmlRenderer"/> writes, so the reports page can preview a report under a policy without inline styles.
/// </summary>
internal static class ReportStyle
{
    public static string Hash { get; } = Compute();

    private static string Compute()
    {
        var html = HtmlRenderer.Render(new ReportDocument("en", "", "", [], null, new DocAppendix("", "", [])));
        var start = html.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length;
        var end = html.IndexOf("</style>", start, StringComparison.Ordinal);
        if (start < "<style>".Length || end < 0)
        {
            throw new InvalidOperationException("The HTML report carries no <style> element to allow.");
        }
        // A browser hashes the element's text as parsed, with line breaks normalised to LF.
        var css = html[start..end].Replace("\r\n", "\n", StringComparison.Ordinal);
        return "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));
    }
}
