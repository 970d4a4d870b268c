namespace ModScope.Reports.Document;

/// <summary>A report composed in one language: everything a renderer needs, and nothing to decide.</summary>
public sealed record ReportDocument(
    string Language,
    string Title,
    string Subtitle,
    IReadOnlyList<DocSection> Sections,
    DocCharts? Charts,
    DocAppendix Appendix)
{
    /// <summary>Labels a renderer needs beyond the sections' own text (a workbook's contents and column headers: <c>xlsx.*</c>), by key.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

/// <summary>A section: its title, sentences and tables.</summary>
public sealed record DocSection(string Id, string Title, IReadOnlyList<DocParagraph> Paragraphs, IReadOnlyList<DocTable> Tables);

/// <summary>One sentence with the references (R1, A12) of the sources of its numbers, and those numbers raw by argument name.</summary>
public sealed record DocParagraph(string Text, IReadOnlyList<string> Refs, IReadOnlyList<KeyValuePair<string, double>> Numbers)
{
    /// <summary>The argument names among <see cref="Numbers"/> that are rates (a share in [0, 1], shown as a percentage).</summary>
    public IReadOnlySet<string> Percent { get; init; } = new HashSet<string>();
}

/// <summary>A table: title, headers, rows of cells, and the reference of its source.</summary>
public sealed record DocTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<DocCell>> Rows, string Ref);

/// <summary>A cell as shown, its raw number (for spreadsheets) when it is a number, and whether that number is a rate (a share shown as a percentage).</summary>
public sealed record DocCell(string Text, double? Number = null, bool Percent = false);

/// <summary>The trend charts: a title and one PNG per headline metric (weeks and months side by side).</summary>
public sealed record DocCharts(string Title, IReadOnlyList<DocChart> Items);

/// <summary>One chart: the metric's name, its PNG, the references of its numbers and the points drawn (series "week" or "month").</summary>
public sealed record DocChart(string Metric, string Title, byte[] Png, IReadOnlyList<string> Refs, IReadOnlyList<DocPoint> Points)
{
    /// <summary>The metric is a rate: its points are shares shown as percentages.</summary>
    public bool Percent { get; init; }
}

/// <summary>A point of a chart, raw.</summary>
public sealed record DocPoint(string Series, DateTime Bucket, double Value);

/// <summary>The appendix: every source, with the command that reproduces it and its SQL.</summary>
public sealed record DocAppendix(string Title, string Intro, IReadOnlyList<DocSource> Sources);

/// <summary>One source: its reference, a description, the command that reproduces it and the SQL (null for alerts).</summary>
public sealed record DocSource(string Ref, string Description, string Command, string? Sql);
