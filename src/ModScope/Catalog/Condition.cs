namespace ModScope.Catalog;

/// <summary>
/// A row filter in a metric definition: <c>{column: verdict, in: [...]}</c>, <c>{column: decided_by, equals: human}</c>,
/// <c>{column: outcome, not_null: true}</c>, or <c>{value: {hours_between: [a, b]}, at_most: queue.sla_hours}</c>.
/// </summary>
/// <param name="Subject">What is tested.</param>
/// <param name="Operator">equals, in, not_in, not_null, is_null, at_most.</param>
/// <param name="Values">Literal values for equals/in/not_in.</param>
/// <param name="Bound">For at_most: the column the subject must not exceed.</param>
public sealed record Condition(ValueExpression Subject, ConditionOperator Operator, IReadOnlyList<string> Values, string? Bound = null)
{
    public override string ToString() => Operator switch
    {
        ConditionOperator.Equal => $"{Subject} = {Values[0]}",
        ConditionOperator.In => $"{Subject} in ({string.Join(", ", Values)})",
        ConditionOperator.NotIn => $"{Subject} not in ({string.Join(", ", Values)})",
        ConditionOperator.NotNull => $"{Subject} is set",
        ConditionOperator.IsNull => $"{Subject} is not set",
        ConditionOperator.AtMost => $"{Subject} ≤ {Bound}",
        _ => Operator.ToString(),
    };
}
