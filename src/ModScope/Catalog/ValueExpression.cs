namespace ModScope.Catalog;

/// <summary>
/// A number computed from a source row: a column, the hours between two timestamps, or the product of
/// two columns. Columns may be dotted (<c>decision.verdict</c>, <c>queue.sla_hours</c>).
/// </summary>
public sealed record ValueExpression(ValueKind Kind, IReadOnlyList<string> Columns)
{
    public static ValueExpression Column(string column) => new(ValueKind.Column, [column]);

    public override string ToString() => Kind switch
    {
        ValueKind.Column => Columns[0],
        ValueKind.HoursBetween => $"hours between {Columns[0]} and {Columns[1]}",
        ValueKind.Product => $"{Columns[0]} × {Columns[1]}",
        _ => Kind.ToString(),
    };
}

/// <summary>The kinds of <see cref="ValueExpression"/>.</summary>
public enum ValueKind
{
    Column,
    HoursBetween,
    Product,
}
