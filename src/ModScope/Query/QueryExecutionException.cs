using ModScope.Common;

namespace ModScope.Query;

/// <summary>
/// An engine failed a statement ModScope wrote: which <see cref="Engine"/>, what the statement was for
/// (<see cref="Purpose"/>, e.g. "count over decisions dated by decided_at") and its <see cref="Sql"/>; the engine's own
/// error is the inner exception. Cancellation is never this: it surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class QueryExecutionException : ModScopeException
{
    public QueryExecutionException()
    {
        Engine = "";
        Purpose = "";
        Sql = "";
    }

    public QueryExecutionException(string message)
        : base(message)
    {
        Engine = "";
        Purpose = "";
        Sql = "";
    }

    public QueryExecutionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Engine = "";
        Purpose = "";
        Sql = "";
    }

    public QueryExecutionException(string engine, string purpose, string sql, Exception innerException)
        : base($"{engine} failed the statement for {purpose}: {innerException?.Message.Split('\n')[0]}", innerException!)
    {
        Engine = engine;
        Purpose = purpose;
        Sql = sql;
    }

    public string Engine { get; }

    public string Purpose { get; }

    public string Sql { get; }
}
