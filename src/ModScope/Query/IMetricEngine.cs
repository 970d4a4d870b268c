
namespace ModScope.Query;

/// <summary>Executes metric SQL in one engine's dialect.</summary>
public interface IMetricEngine
{
    ISqlDialect Dialect { get; }

    /// <summary>Runs <paramref name="sql"/> with named parameters and returns every row's values (DBNull as null).</summary>
    Task<IReadOnlyList<object?[]>> QueryAsync(string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken = default);
}
