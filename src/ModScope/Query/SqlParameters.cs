namespace ModScope.Query;

/// <summary>The values a compiled statement binds, named p0, p1, ... in order of use.</summary>
public sealed class SqlParameters(ISqlDialect dialect)
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, object?> Values => _values;

    /// <summary>Binds <paramref name="value"/> and returns its placeholder.</summary>
    public string Add(object? value)
    {
        var name = "p" + _values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _values[name] = value;
        return dialect.Parameter(name);
    }
}
