namespace ModScope.Common;

/// <summary>
/// Something asked for by name or id that does not exist: an alert, a metric, a dimension. <see cref="Kind"/> and
/// <see cref="Key"/> say which; the message reads "alert 9999 not found" or names near matches. The dashboard answers it
/// with 404, and only it: a dictionary miss inside a handler is a bug (500), not a missing resource.
/// </summary>
public sealed class NotFoundException : ModScopeException
{
    public NotFoundException()
    {
        Kind = "";
        Key = "";
    }

    public NotFoundException(string message)
        : base(message)
    {
        Kind = "";
        Key = "";
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = "";
        Key = "";
    }

    /// <param name="kind">What was looked for (alert, metric, dimension).</param>
    /// <param name="key">Its id or name as asked.</param>
    /// <param name="message">The whole sentence, e.g. with near matches.</param>
    public NotFoundException(string kind, string key, string message)
        : base(message)
    {
        Kind = kind;
        Key = key;
    }

    public string Kind { get; }

    public string Key { get; }
}
