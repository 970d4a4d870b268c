using System.Text;
using ModScope.Monitor.Alerts;
using ModScope.Reports;
using ModScope.Reports.Document;

namespace ModScope.Rendering;

/// <summary>
/// A composed report written out: HTML and Markdown as UTF-8, XLSX through the Open XML SDK, PDF by printing the HTML with
/// Debian's chromium. The hosts (the <c>report</c> command, the dashboard's <c>/api/report</c>) call this.
/// </summary>
public static class ReportRenderer
{
    /// <summary>
    /// The report of <paramref name="scope"/> in <paramref name="language"/>, rendered as <paramref name="format"/> (with charts
    /// when the service draws them: <c>new ReportService(...) { Charts = new ChartRenderer() }</c>).
    /// </summary>
    public static async Task<ReportFile> BuildAsync(ReportService service, ReportScope scope, string language, ReportFormat format,
        IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(scope);
        if (format == ReportFormat.Pdf)
        {
            _ = PdfRenderer.Chromium(); // fail before the work when no browser is installed
        }
        var data = await service.LoadAsync(scope, alerts, cancellationToken).ConfigureAwait(false);
        var document = service.Builder.Compose(data, language);
        return new ReportFile(await RenderAsync(document, format, cancellationToken).ConfigureAwait(false), ReportFile.ContentTypeOf(format),
            ReportService.FileName(scope, language, format));
    }

    /// <summary>The document's bytes in <paramref name="format"/> (HTML and Markdown as UTF-8).</summary>
    public static async Task<byte[]> RenderAsync(ReportDocument document, ReportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        switch (format)
        {
            case ReportFormat.Html:
                return Encoding.UTF8.GetBytes(HtmlRenderer.Render(document));
            case ReportFormat.Md:
                return Encoding.UTF8.GetBytes(MarkdownRenderer.Render(document));
            case ReportFormat.Xlsx:
                using (var stream = new MemoryStream())
                {
                    XlsxRenderer.Write(document, stream);
                    return stream.ToArray();
                }
            default:
                return await PdfRenderer.RenderAsync(HtmlRenderer.Render(document), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the document; the folder of <paramref name="path"/> is created when missing.</summary>
    public static async Task WriteAsync(ReportDocument document, ReportFormat format, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        await File.WriteAllBytesAsync(path, await RenderAsync(document, format, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }
}
