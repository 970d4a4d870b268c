namespace ModScope.Catalog;

/// <summary>A measure's aggregate, parsed once from the catalogue's <c>aggregate</c> (its snake_case word in <see cref="CatalogWords"/>).</summary>
public enum AggregateFunction
{
    Count,
    Sum,
    Avg,
    Median,
    P90,
    /// <summary>Rows opened before and closed at or after each period's end (a backlog).</summary>
    OpenAtEnd,
}
