using System.Globalization;
using System.Net;
using System.Text;

namespace ModScope.Catalog;

/// <summary>
/// The data dictionary: every metric with its definition, formula in words and in SQL, dimensions, owner,
/// version history and the event fields it reads, in Markdown or HTML, in English or Simplified Chinese.
/// </summary>
public static class DataDictionary
{
    private static readonly Dictionary<string, (string En, string Zh)> Labels = new()
    {
        ["title"] = ("ModScope core index: data dictionary", "ModScope 核心指标：数据字典"),
        ["catalogue"] = ("Catalogue", "指标目录"),
        ["version"] = ("Version", "版本"),
        ["owner"] = ("Owner", "负责人"),
        ["dimensions"] = ("Dimensions", "维度"),
        ["dimension"] = ("Dimension", "维度"),
        ["column"] = ("Column", "字段"),
        ["metrics"] = ("Metrics", "指标"),
        ["unit"] = ("Unit", "单位"),
        ["direction"] = ("Direction", "方向"),
        ["target"] = ("Target", "目标"),
        ["sampled"] = ("From a sample (shown with a 95% interval)", "来自抽样（附95%置信区间）"),
        ["formula"] = ("Formula", "计算口径"),
        ["sql"] = ("SQL (DuckDB, whole period, no slicing)", "SQL（DuckDB，整期、不切分）"),
        ["slices"] = ("Can be sliced by", "可切分维度"),
        ["lineage"] = ("Event fields read", "读取的事件字段"),
        ["history"] = ("Version history", "版本历史"),
        ["HigherIsBetter"] = ("higher is better", "越高越好"),
        ["LowerIsBetter"] = ("lower is better", "越低越好"),
        ["Neutral"] = ("neutral", "中性"),
        ["yes"] = ("yes", "是"),
        ["no"] = ("no", "否"),
    };

    /// <summary>Renders the dictionary. <paramref name="sqlOf"/> gives a metric's SQL (from the query layer).</summary>
    public static string Render(MetricCatalog catalog, string language, string format, Func<MetricDefinition, string> sqlOf)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(sqlOf);
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        string L(string key) => zh ? Labels[key].Zh : Labels[key].En;
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {L("title")}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{L("catalogue")}: `{catalog.File}` · {L("version")} {catalog.Version} · {L("owner")}: {catalog.Owner}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {L("dimensions")}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| id | {L("dimension")} | {L("column")} |");
        md.AppendLine("|---|---|---|");
        foreach (var d in catalog.Dimensions)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{d.Id}` | {d.Name.In(language)} | {string.Join(", ", d.Sources.Select(s => $"{s}.{d.Column}"))} |");
        }
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {L("metrics")}");
        foreach (var m in catalog.Metrics)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"### {m.Name.In(language)} (`{m.Id}`)");
            md.AppendLine();
            md.AppendLine(m.Description.In(language));
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"- {L("unit")}: {m.Unit} ({CatalogWords.Name(m.Format)}) · {L("direction")}: {L(m.Direction.ToString())} · {L("target")}: {(m.Target is { } t ? t.ToString("0.###", CultureInfo.InvariantCulture) : "—")}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- {L("owner")}: {m.Owner} · {L("version")}: {m.Version} · {L("sampled")}: {L(m.Sampled ? "yes" : "no")}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- {L("formula")}: {FormulaText.Describe(m, language)}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- {L("slices")}: {string.Join(", ", m.Dimensions.Select(d => $"`{d}`"))}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- {L("lineage")}: {string.Join(", ", Lineage.Of(m, catalog).Select(f => $"`{f}`"))}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- {L("history")}: {string.Join("; ", m.History.Select(h => $"v{h.Version} {h.Date} {h.Change}".Trim()))}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"{L("sql")}:");
            md.AppendLine();
            md.AppendLine("```sql");
            md.AppendLine(sqlOf(m));
            md.AppendLine("```");
        }
        return format == "html" ? Html(md.ToString(), zh) : md.ToString();
    }

    /// <summary>A minimal self-contained HTML page from the Markdown above (headings, lists, tables, code).</summary>
    private static string Html(string markdown, bool zh)
    {
        var html = new StringBuilder();
        html.AppendLine(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{(zh ? "zh-Hans" : "en")}\"><head><meta charset=\"utf-8\"><title>ModScope</title>");
        html.AppendLine("<style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}pre{background:#f5f5f5;padding:.5rem;overflow:auto}</style></head><body>");
        var inCode = false;
        var inList = false;
        var inTable = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                html.AppendLine(inCode ? "</code></pre>" : "<pre><code>");
                inCode = !inCode;
                continue;
            }
            if (inCode)
            {
                html.AppendLine(WebUtility.HtmlEncode(line));
                continue;
            }
            if (inList && !line.StartsWith("- ", StringComparison.Ordinal))
            {
                html.AppendLine("</ul>");
                inList = false;
            }
            if (inTable && !line.StartsWith('|'))
            {
                html.AppendLine("</table>");
                inTable = false;
            }
            if (line.StartsWith('#'))
            {
                var level = line.TakeWhile(c => c == '#').Count();
                html.AppendLine(CultureInfo.InvariantCulture, $"<h{level}>{Inline(line[level..].Trim())}</h{level}>");
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                html.AppendLine((inList ? "" : "<ul>") + $"<li>{Inline(line[2..])}</li>");
                inList = true;
            }
            else if (line.StartsWith('|'))
            {
                if (!line.StartsWith("|---", StringComparison.Ordinal))
                {
                    var cells = line.Trim('|').Split('|').Select(c => $"<td>{Inline(c.Trim())}</td>");
                    html.AppendLine((inTable ? "" : "<table>") + $"<tr>{string.Concat(cells)}</tr>");
                    inTable = true;
                }
            }
            else if (line.Length > 0)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<p>{Inline(line)}</p>");
            }
        }
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        var parts = encoded.Split('`');
        return string.Concat(parts.Select((p, i) => i % 2 == 1 ? $"<code>{p}</code>" : p));
    }
}
