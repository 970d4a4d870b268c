namespace ModScope.Web.Api;

/// <summary>
/// Text for a CSV cell that no spreadsheet runs as a formula (OWASP, CSV Injection): text starting with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe, which spreadsheets show as text
/// and do not evaluate. Numbers are written as numbers and never pass through here.
/// </summary>
internal static class CsvCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string? Text(string? value) =>
        value is { Length: > 0 } && Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;
}
