namespace ModScope.Common;

/// <summary>
/// The base of every error a user can act on: bad input (a catalogue, a file, a request, a report asked for badly), a
/// store that cannot be opened, something asked for that does not exist (<see cref="NotFoundException"/>), or a statement
/// the engine refused (<c>Query.QueryExecutionException</c>). Hosts map by this base type: the CLI prints the message as
/// one line and exits 1, the dashboard answers 400 (404 for <see cref="NotFoundException"/>). Anything else is a bug.
/// </summary>
public class ModScopeException : Exception
{
    public ModScopeException()
    {
    }

    public ModScopeException(string message)
        : base(message)
    {
    }

    public ModScopeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
