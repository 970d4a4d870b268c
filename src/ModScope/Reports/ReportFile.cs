namespace ModScope.Reports;

/// <summary>A rendered report: its bytes, the content type they are, and a file name that says what the report covers.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName)
{
    /// <summary>The content type of a format (HTML and Markdown as UTF-8 text).</summary>
    public static string ContentTypeOf(ReportFormat format) => format switch
    {
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Md => "text/markdown; charset=utf-8",
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/pdf",
    };

    /// <summary>The file extension of a format, without the dot.</summary>
    public static string ExtensionOf(ReportFormat format) => format.ToString().ToLowerInvariant();
}
