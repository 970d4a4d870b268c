using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ModScope.Rendering;

/// <summary>
/// Writes sheets as an .xlsx with the Open XML SDK: bold header rows, rates with the number format <c>0.0%</c>, days as
/// <c>yyyy-mm-dd</c>, and an autofilter over each filtered sheet's table (its header row and rows, never a title above it).
/// </summary>
internal static class XlsxWorkbook
{
    private const uint Header = 1, Percent = 2, Day = 3;

    public static void Write(IReadOnlyList<XlsxSheet> sheets, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var list = workbook.Workbook.AppendChild(new Sheets());
        var names = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData(Row(1, sheet.Headers.Select(h => XlsxCell.Of(h)).ToList(), Header));
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                data.Append(Row((uint)r + 2, sheet.Rows[r], null));
            }
            var worksheet = new Worksheet(data);
            if (sheet.Filter)
            {
                var width = Math.Max(sheet.Headers.Count, sheet.Rows.Count == 0 ? 1 : sheet.Rows.Max(r => r.Count));
                var (last, rows) = (XlsxRenderer.Column(width - 1), sheet.Rows.Count + 1);
                worksheet.Append(new AutoFilter { Reference = $"A1:{last}{rows}" });
                names.Append(new DefinedName($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${last}${rows}")
                    { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
            }
            part.Worksheet = worksheet;
            list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)i + 1, Name = sheet.Name });
        }
        if (names.HasChildren)
        {
            workbook.Workbook.Append(names);
        }
    }

    private static Row Row(uint index, IReadOnlyList<XlsxCell> cells, uint? style)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < cells.Count; c++)
        {
            if (Cell(cells[c], style) is { } cell)
            {
                cell.CellReference = $"{XlsxRenderer.Column(c)}{index}";
                row.Append(cell);
            }
        }
        return row;
    }

    private static Cell? Cell(XlsxCell value, uint? style) => value switch
    {
        { Number: { } n } when double.IsFinite(n) => new Cell { CellValue = new CellValue(n), DataType = CellValues.Number, StyleIndex = value.Percent ? Percent : style },
        { Day: { } d } => new Cell { CellValue = new CellValue(d.ToOADate()), DataType = CellValues.Number, StyleIndex = Day },
        { Text: { Length: > 0 } t } => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(t)), StyleIndex = style },
        _ => null,
    };

    /// <summary>Styles: 0 plain, 1 bold (headers), 2 percent with one decimal, 3 ISO day.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" }) { Count = 2 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }) { Count = 4 });
}
