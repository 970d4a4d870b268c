namespace ModScope.Catalog;

/// <summary>
/// A row filter in a metric definition: <c>{column: verdict, in: [...]}</c>, <c>{column: decided_by, equals: human}</c>,
/// <c>{column: outcome, not_null: true}</c>, or <c>{value: {hours_between: [a, b]}, at_most: queue.sla_hours}</c>.
/// </summary>
/// <param name="Subject">What is tested.</param>
/// <param name="Operator">equals, in, not_in, not_null, is_null, at_most.</param>
/// <param name="Values">Literal values for equals/in/not_in.</param>
/// <param name="Bound">For at_most: the column the subject must not exceed.</param>
public sealed record Condition(ValueExpression Subject, string Operator, IReadOnlyList<string> Values, string? Bound = null)
{
    public static readonly IReadOnlyList<string> Operators = ["equals", "in", "not_in", "not_null", "is_null", "at_most"];

    public override string ToString() => Operator switch
    {
        "equals" => $"{Subject} = {Values[0]}",
        "in" => $"{Subject} in ({string.Join(", ", Values)})",
        "not_in" => $"{Subject} not in ({string.Join(", ", Values)})",
        "not_null" => $"{Subject} is set",
        "is_null" => $"{Subject} is not set",
        "at_most" => $"{Subject} ≤ {Bound}",
        _ => Operator,
    };
}
