namespace ModScope.Query;

/// <summary>Keep rows whose <see cref="Dimension"/> is (or is not) one of <see cref="Values"/>.</summary>
public sealed record DimensionFilter(string Dimension, FilterOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>Parses <c>market=US</c>, <c>market=US,GB</c> or <c>market!=US,GB</c>.</summary>
    public static DimensionFilter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var negated = text.Contains("!=", StringComparison.Ordinal);
        var parts = text.Split(negated ? "!=" : "=", 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new FormatException($"'{text}' is not a filter; write dimension=value, dimension=a,b or dimension!=a,b.");
        }
        var values = parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var op = negated ? FilterOperator.NotIn : values.Length == 1 ? FilterOperator.Equals : FilterOperator.In;
        return new DimensionFilter(parts[0], op, values);
    }
}
