using System.Net;
using System.Text;
using ModScope.Reports.Document;

namespace ModScope.Rendering;

/// <summary>
/// One self-contained HTML file: styles inline, charts as data URIs, sources cited in brackets and listed in the appendix.
/// Printed (the PDF), it is compact, so the exec review's scorecard, sentences, three opportunity lines and two charts fit
/// its one page before the appendix (9 pt text, tight headings and table rows, the trend charts two side by side, each
/// half the page wide and about 2.6 cm high; stacked, even at 95 px high, the longest page's second chart went to page 2).
/// </summary>
public static class HtmlRenderer
{
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private const string Style = """
        body { font-family: "Noto Sans", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; max-width: 62rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.45; font-size: 11pt; }
        h1 { font-size: 1.6rem; margin: 0 0 .2rem; } h2 { font-size: 1.15rem; border-bottom: 2px solid #1f77b4; padding-bottom: .15rem; margin-top: 1.4rem; }
        .sub { color: #555; margin: 0 0 1rem; } .ref { color: #888; font-size: .8em; }
        table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .92em; } caption { text-align: left; font-weight: 600; padding-bottom: .2rem; }
        th, td { border-bottom: 1px solid #ddd; padding: .25rem .6rem; text-align: left; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: .5rem 0 1rem; } figure img { width: 100%; max-width: 62rem; } figcaption { color: #555; font-size: .85em; }
        pre { background: #f6f8fa; padding: .5rem; font-size: .75em; white-space: pre-wrap; word-break: break-all; } code { font-size: .85em; }
        dd code { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-all; }
        #appendix { break-before: page; } section { break-inside: auto; } p.fact { margin: .35rem 0; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 9pt; line-height: 1.3; }
          h1 { font-size: 14pt; } .sub { margin: 0 0 .3rem; } h2 { font-size: 1.02rem; margin: .55rem 0 .2rem; padding-bottom: .05rem; }
          p.fact { margin: .1rem 0; } table { margin: .2rem 0 .3rem; font-size: .9em; } th, td { padding: .02rem .5rem; }
          figure { margin: .15rem 0 .25rem; break-inside: avoid; } figure img { width: auto; max-width: 100%; max-height: 145px; display: block; }
          #Trends figure { display: inline-block; width: 49.5%; vertical-align: top; } #Trends figure img { width: 100%; max-height: none; }
          figcaption { font-size: .8em; }
        }
        """;

    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder();
        html.Append(Inv, $"<!DOCTYPE html>\n<html lang=\"{E(document.Language)}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(document.Title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        html.Append(Inv, $"<header><h1>{E(document.Title)}</h1><p class=\"sub\">{E(document.Subtitle)}</p></header>\n");
        foreach (var section in document.Sections)
        {
            html.Append(Inv, $"<section id=\"{E(section.Id)}\">\n<h2>{E(section.Title)}</h2>\n");
            foreach (var p in section.Paragraphs)
            {
                html.Append(Inv, $"<p class=\"fact\">{E(p.Text)} <span class=\"ref\">{Refs(p.Refs)}</span></p>\n");
            }
            foreach (var table in section.Tables)
            {
                Table(html, table);
            }
            html.Append("</section>\n");
        }
        if (document.Charts is { } charts)
        {
            html.Append(Inv, $"<section id=\"Trends\">\n<h2>{E(charts.Title)}</h2>\n");
            foreach (var chart in charts.Items)
            {
                html.Append(Inv, $"<figure><img alt=\"{E(chart.Title)}\" src=\"data:image/png;base64,{Convert.ToBase64String(chart.Png)}\">" +
                    $"<figcaption>{E(chart.Title)} <span class=\"ref\">{Refs(chart.Refs)}</span></figcaption></figure>\n");
            }
            html.Append("</section>\n");
        }
        html.Append(Inv, $"<section id=\"appendix\">\n<h2>{E(document.Appendix.Title)}</h2>\n<p>{E(document.Appendix.Intro)}</p>\n<dl>\n");
        foreach (var source in document.Appendix.Sources)
        {
            html.Append(Inv, $"<dt id=\"{E(source.Ref)}\"><strong>[{E(source.Ref)}]</strong> {E(source.Description)}</dt>\n<dd><code>{E(source.Command)}</code>");
            if (source.Sql is not null)
            {
                html.Append(Inv, $"<pre>{E(source.Sql)}</pre>");
            }
            html.Append("</dd>\n");
        }
        html.Append("</dl>\n</section>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, DocTable table)
    {
        html.Append(Inv, $"<table>\n<caption>{E(table.Title)} <span class=\"ref\">[{E(table.Ref)}]</span></caption>\n<thead><tr>");
        foreach (var header in table.Headers)
        {
            html.Append(Inv, $"<th>{E(header)}</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append(cell.Number is null ? $"<td>{E(cell.Text)}</td>" : $"<td class=\"num\">{E(cell.Text)}</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string Refs(IEnumerable<string> refs) => string.Join("", refs.Select(r => $"[<a href=\"#{E(r)}\">{E(r)}</a>]"));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
