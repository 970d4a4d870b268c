namespace ModScope.Reports.Story;

/// <summary>A table of a section: a title key, column header keys, rows of typed cells, and the result set the numbers come from.</summary>
public sealed record FactTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<FactArg>> Rows, string Source);
