namespace ModScope.Catalog;

/// <summary>
/// The catalogue's words for its enumerations, in one place: the parser turns them into enums once, the data dictionary
/// and the API write them back. Anything else compares enums, never strings.
/// </summary>
public static class CatalogWords
{
    public static readonly IReadOnlyDictionary<string, AggregateFunction> Aggregates = new Dictionary<string, AggregateFunction>(StringComparer.Ordinal)
    {
        ["count"] = AggregateFunction.Count,
        ["sum"] = AggregateFunction.Sum,
        ["avg"] = AggregateFunction.Avg,
        ["median"] = AggregateFunction.Median,
        ["p90"] = AggregateFunction.P90,
        ["open_at_end"] = AggregateFunction.OpenAtEnd,
    };

    public static readonly IReadOnlyDictionary<string, ConditionOperator> Operators = new Dictionary<string, ConditionOperator>(StringComparer.Ordinal)
    {
        ["equals"] = ConditionOperator.Equal,
        ["in"] = ConditionOperator.In,
        ["not_in"] = ConditionOperator.NotIn,
        ["not_null"] = ConditionOperator.NotNull,
        ["is_null"] = ConditionOperator.IsNull,
        ["at_most"] = ConditionOperator.AtMost,
    };

    public static readonly IReadOnlyDictionary<string, ValueFormat> Formats = new Dictionary<string, ValueFormat>(StringComparer.Ordinal)
    {
        ["integer"] = ValueFormat.WholeNumber,
        ["percent"] = ValueFormat.Percent,
        ["number"] = ValueFormat.Number,
        ["decimal"] = ValueFormat.ThreeDecimals,
        ["hours"] = ValueFormat.Hours,
        ["seconds"] = ValueFormat.Seconds,
        ["currency"] = ValueFormat.Currency,
    };

    public static string Name(AggregateFunction value) => Aggregates.Single(p => p.Value == value).Key;

    public static string Name(ConditionOperator value) => Operators.Single(p => p.Value == value).Key;

    public static string Name(ValueFormat value) => Formats.Single(p => p.Value == value).Key;
}
