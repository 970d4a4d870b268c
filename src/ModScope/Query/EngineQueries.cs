using System.Data.Common;

namespace ModScope.Query;

/// <summary>Runs a statement on an engine for a stated purpose; the engine's failure becomes a <see cref="QueryExecutionException"/>.</summary>
public static class EngineQueries
{
    /// <summary>
    /// The rows of <paramref name="sql"/>. A database or transport error (DuckDB's <see cref="DbException"/>, an engine's
    /// <see cref="IOException"/>) is wrapped with the engine, <paramref name="purpose"/> and the SQL; cancellation and
    /// everything else pass through unchanged.
    /// </summary>
    public static async Task<IReadOnlyList<object?[]>> RunAsync(this IMetricEngine engine, string purpose, string sql,
        IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        try
        {
            return await engine.QueryAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new QueryExecutionException(engine.Dialect.Name, purpose, sql, ex);
        }
    }
}
