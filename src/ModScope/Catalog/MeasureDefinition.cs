namespace ModScope.Catalog;

/// <summary>
/// An aggregate over one source table: <c>count</c>, <c>sum</c>/<c>avg</c> of a value, <c>median</c>/<c>p90</c> of a
/// value (exact quantiles), or <c>open_at_end</c> (rows opened before and closed after each period's end).
/// </summary>
/// <param name="Source">decisions, qa_audits, appeals or staffing.</param>
/// <param name="Time">The event time that dates a row (null for <c>open_at_end</c>).</param>
/// <param name="Opened">For open_at_end: when a row starts being open.</param>
/// <param name="Closed">For open_at_end: when it stops.</param>
/// <param name="Line">Where it is defined, for messages.</param>
public sealed record MeasureDefinition(
    string Source,
    string? Time,
    AggregateFunction Aggregate,
    ValueExpression? Value,
    IReadOnlyList<Condition> Where,
    string? Opened = null,
    string? Closed = null,
    int Line = 0)
{
    /// <summary>The quantile an aggregate asks for, or null.</summary>
    public double? Quantile => Aggregate switch
    {
        AggregateFunction.Median => 0.5,
        AggregateFunction.P90 => 0.9,
        _ => null,
    };

    /// <summary>Whether the aggregate reads a value (sum, avg and the quantiles); count and open_at_end count rows.</summary>
    public bool NeedsValue => Aggregate is AggregateFunction.Sum or AggregateFunction.Avg or AggregateFunction.Median or AggregateFunction.P90;

    /// <summary>The catalogue's word for the aggregate (<c>open_at_end</c>).</summary>
    public string AggregateName => CatalogWords.Name(Aggregate);
}
