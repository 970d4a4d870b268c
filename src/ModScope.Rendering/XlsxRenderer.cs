using MiniExcelLibs;
using ModScope.Reports.Document;

namespace ModScope.Rendering;

/// <summary>
/// The report as a workbook: one sheet per section (its sentences with their raw numbers, then its tables with raw
/// numbers in number cells), a sheet of the charts' points and a sheet of the sources with their SQL.
/// </summary>
public static class XlsxRenderer
{
    public static void Write(ReportDocument document, string path) => MiniExcel.SaveAs(path, Sheets(document), printHeader: false, overwriteFile: true);

    /// <summary>Writes the workbook to <paramref name="stream"/> (for a download without a file).</summary>
    public static void Write(ReportDocument document, Stream stream) => stream.SaveAs(Sheets(document), printHeader: false, excelType: ExcelType.XLSX);

    private static Dictionary<string, object> Sheets(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var section in document.Sections)
        {
            var rows = new List<object?[]> { new object?[] { section.Title } };
            foreach (var p in section.Paragraphs)
            {
                rows.Add([p.Text, string.Join(' ', p.Refs), .. p.Numbers.SelectMany(n => new object?[] { n.Key, n.Value })]);
            }
            foreach (var table in section.Tables)
            {
                rows.Add([]);
                rows.Add([table.Title, table.Ref]);
                rows.Add([.. table.Headers]);
                rows.AddRange(table.Rows.Select(r => r.Select(c => c.Number is { } n ? (object?)n : c.Text).ToArray()));
            }
            sheets[SheetName(section.Title, sheets.Keys)] = Grid(rows);
        }
        if (document.Charts is { } charts)
        {
            var rows = new List<object?[]> { new object?[] { charts.Title } };
            rows.AddRange(charts.Items.SelectMany(c => c.Points.Select(p => new object?[] { c.Title, p.Series, p.Bucket, p.Value, string.Join(' ', c.Refs) })));
            sheets[SheetName(charts.Title, sheets.Keys)] = Grid(rows);
        }
        var sources = new List<object?[]> { new object?[] { document.Appendix.Title } };
        sources.AddRange(document.Appendix.Sources.Select(s => new object?[] { s.Ref, s.Description, s.Command, s.Sql }));
        sheets[SheetName(document.Appendix.Title, sheets.Keys)] = Grid(sources);
        return sheets;
    }

    /// <summary>Rows as dictionaries over the same columns A, B, C, … (what MiniExcel writes without a header row).</summary>
    private static List<Dictionary<string, object?>> Grid(List<object?[]> rows)
    {
        var width = Math.Max(1, rows.Max(r => r.Length));
        var columns = Enumerable.Range(0, width).Select(Column).ToList();
        return rows.Select(r => columns.Select((c, i) => (c, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.c, x => x.v)).ToList();
    }

    /// <summary>Excel column letters: A … Z, AA, AB, …</summary>
    public static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>A valid, unique sheet name: at most 31 characters, none of : \ / ? * [ ].</summary>
    public static string SheetName(string title, IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(title);
        var clean = new string(title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        clean = clean.Length > 28 ? clean[..28] : clean.Length == 0 ? "Sheet" : clean;
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = clean;
        for (var i = 2; used.Contains(name); i++)
        {
            name = $"{clean} {i}";
        }
        return name;
    }
}
