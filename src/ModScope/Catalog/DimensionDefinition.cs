namespace ModScope.Catalog;

/// <summary>
/// A way to slice metrics: the column it reads (dotted for a reference lookup, e.g. <c>market.region</c>)
/// and the sources that carry it. QA audits and appeals carry every decision dimension through their decision.
/// </summary>
public sealed record DimensionDefinition(string Id, Bilingual Name, string Column, IReadOnlyList<string> Sources, int Line = 0)
{
    /// <summary>
    /// True when the monitor scans every metric by this dimension too (catalogue key <c>slice: true</c>), beside its own
    /// slicings: how a team's extra column (a seller tier) becomes a segment alerts can name.
    /// </summary>
    public bool Slice { get; init; }
}
