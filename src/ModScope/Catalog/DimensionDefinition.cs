namespace ModScope.Catalog;

/// <summary>
/// A way to slice metrics: the column it reads (dotted for a reference lookup, e.g. <c>market.region</c>)
/// and the sources that carry it. QA audits and appeals carry every decision dimension through their decision.
/// </summary>
public sealed record DimensionDefinition(string Id, Bilingual Name, string Column, IReadOnlyList<string> Sources, int Line = 0);
