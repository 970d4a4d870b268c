namespace ModScope.Store;

/// <summary>
/// Quoting for identifiers and for the few literals that come from ModScope's own schema (never from
/// user input: user values are always bound as parameters).
/// </summary>
public static class SqlText
{
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
