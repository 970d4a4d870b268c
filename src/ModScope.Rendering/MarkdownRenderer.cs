using System.Text;
using ModScope.Reports.Document;

namespace ModScope.Rendering;

/// <summary>The report as Markdown: sentences with their source references, pipe tables, charts as inline PNG data, the appendix with SQL blocks.</summary>
public static class MarkdownRenderer
{
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var md = new StringBuilder();
        md.Append(Inv, $"# {document.Title}\n\n_{document.Subtitle}_\n");
        foreach (var section in document.Sections)
        {
            md.Append(Inv, $"\n## {section.Title}\n\n");
            foreach (var p in section.Paragraphs)
            {
                md.Append(Inv, $"- {Escape(p.Text)} {Refs(p.Refs)}\n");
            }
            foreach (var table in section.Tables)
            {
                md.Append(Inv, $"\n**{Escape(table.Title)}** [{table.Ref}]\n\n| {string.Join(" | ", table.Headers.Select(Escape))} |\n");
                md.Append(Inv, $"|{string.Concat(table.Headers.Select(_ => " --- |"))}\n");
                foreach (var row in table.Rows)
                {
                    md.Append(Inv, $"| {string.Join(" | ", row.Select(c => Escape(c.Text)))} |\n");
                }
            }
        }
        if (document.Charts is { } charts)
        {
            md.Append(Inv, $"\n## {charts.Title}\n\n");
            foreach (var chart in charts.Items)
            {
                md.Append(Inv, $"![{Escape(chart.Title)}](data:image/png;base64,{Convert.ToBase64String(chart.Png)}) {Refs(chart.Refs)}\n\n");
            }
        }
        md.Append(Inv, $"\n## {document.Appendix.Title}\n\n{document.Appendix.Intro}\n");
        foreach (var source in document.Appendix.Sources)
        {
            md.Append(Inv, $"\n### [{source.Ref}] {Escape(source.Description)}\n\n`{source.Command}`\n");
            if (source.Sql is not null)
            {
                md.Append(Inv, $"\n```sql\n{source.Sql}\n```\n");
            }
        }
        return md.ToString();
    }

    private static string Refs(IEnumerable<string> refs) => string.Concat(refs.Select(r => $"[{r}]"));

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
