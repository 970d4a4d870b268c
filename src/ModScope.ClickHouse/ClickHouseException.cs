namespace ModScope.ClickHouse;

/// <summary>The ClickHouse server refused a statement or could not be reached (an I/O failure to callers); the message says which and why.</summary>
public sealed class ClickHouseException : IOException
{
    public ClickHouseException()
    {
    }

    public ClickHouseException(string message)
        : base(message)
    {
    }

    public ClickHouseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
