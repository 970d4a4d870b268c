namespace ModScope.Cli;

/// <summary>An option value that parses but makes no sense (e.g. <c>--days 0</c>): exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
    public UsageException(string message, Exception inner) : base(message, inner) { }
    public UsageException() { }
}
