namespace ModScope.Rendering;

/// <summary>
/// One worksheet of a report workbook: a unique short <see cref="Name"/> (Excel allows 31 characters), the full
/// <see cref="Title"/> (listed in the contents sheet), a header row and rows of cells; <see cref="Filter"/> puts an
/// autofilter on the table (header row and rows).
/// </summary>
public sealed record XlsxSheet(string Name, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<XlsxCell>> Rows, bool Filter);

/// <summary>A cell: text, a number (a rate in percent format), or a day.</summary>
public sealed record XlsxCell(string? Text = null, double? Number = null, bool Percent = false, DateTime? Day = null)
{
    public static XlsxCell Of(string? text) => new(Text: text);

    public static XlsxCell Of(double? number, bool percent = false) => new(Number: number, Percent: percent);
}
