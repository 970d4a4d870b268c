using ModScope.Reports.Document;

namespace ModScope.Rendering;

/// <summary>
/// The report as a workbook: a contents sheet listing every sheet with its full title (sheet names are cut to Excel's
/// limit), then per section a sheet of its sentences (one row per number they cite, raw), a sheet per table, a sheet of
/// the charts' points and one of the sources with their SQL. Every sheet starts with its header row and has its
/// autofilter on that table; rates are numbers in a percent format (0.953 shown as 95.3%), never text.
/// </summary>
public static class XlsxRenderer
{
    public static void Write(ReportDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.Create(path);
        Write(document, file);
    }

    /// <summary>Writes the workbook to <paramref name="stream"/> (for a download without a file).</summary>
    public static void Write(ReportDocument document, Stream stream) => XlsxWorkbook.Write(Sheets(document), stream);

    /// <summary>The workbook's sheets, the contents first.</summary>
    public static IReadOnlyList<XlsxSheet> Sheets(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        string L(string key) => document.Labels.TryGetValue(key, out var label) ? label : key["xlsx.".Length..];
        var sheets = new List<XlsxSheet>();
        void Add(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<XlsxCell>> rows) =>
            sheets.Add(new XlsxSheet(SheetName(title, sheets.Select(s => s.Name).Append(L("xlsx.contents"))), title, headers, rows.ToList(), Filter: true));
        foreach (var section in document.Sections)
        {
            Add(section.Title, [L("xlsx.sentence"), L("xlsx.sources"), L("xlsx.figure"), L("xlsx.value")], section.Paragraphs.SelectMany(p =>
                p.Numbers.Count == 0
                    ? [Row(XlsxCell.Of(p.Text), XlsxCell.Of(string.Join(' ', p.Refs)))]
                    : p.Numbers.Select(n => Row(XlsxCell.Of(p.Text), XlsxCell.Of(string.Join(' ', p.Refs)), XlsxCell.Of(n.Key), XlsxCell.Of(n.Value, p.Percent.Contains(n.Key))))));
            foreach (var table in section.Tables)
            {
                Add($"{table.Title} [{table.Ref}]", table.Headers, table.Rows.Select(r =>
                    (IReadOnlyList<XlsxCell>)r.Select(c => c.Number is { } n ? XlsxCell.Of(n, c.Percent) : XlsxCell.Of(c.Text)).ToList()));
            }
        }
        if (document.Charts is { } charts)
        {
            Add(charts.Title, [L("xlsx.chart"), L("xlsx.series"), L("xlsx.bucket"), L("xlsx.value"), L("xlsx.sources")], charts.Items.SelectMany(c => c.Points.Select(p =>
                Row(XlsxCell.Of(c.Title), XlsxCell.Of(p.Series), new XlsxCell(Day: p.Bucket), XlsxCell.Of(p.Value, c.Percent), XlsxCell.Of(string.Join(' ', c.Refs))))));
        }
        Add(document.Appendix.Title, [L("xlsx.ref"), L("xlsx.description"), L("xlsx.command"), L("xlsx.sql")],
            document.Appendix.Sources.Select(s => Row(XlsxCell.Of(s.Ref), XlsxCell.Of(s.Description), XlsxCell.Of(s.Command), XlsxCell.Of(s.Sql))));
        var contents = new XlsxSheet(L("xlsx.contents"), document.Title, [L("xlsx.sheet"), L("xlsx.title")],
            sheets.Select(s => Row(XlsxCell.Of(s.Name), XlsxCell.Of(s.Title))).ToList(), Filter: false);
        return [contents, .. sheets];
    }

    private static IReadOnlyList<XlsxCell> Row(params XlsxCell[] cells) => cells;

    /// <summary>Excel column letters: A … Z, AA, AB, …</summary>
    public static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>A valid, unique sheet name: at most 31 characters, none of : \ / ? * [ ] (the full title is in the contents sheet).</summary>
    public static string SheetName(string title, IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(title);
        var clean = new string(title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        clean = clean.Length > 28 ? clean[..28].TrimEnd() : clean.Length == 0 ? "Sheet" : clean;
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = clean;
        for (var i = 2; used.Contains(name); i++)
        {
            name = $"{clean} {i}";
        }
        return name;
    }
}
