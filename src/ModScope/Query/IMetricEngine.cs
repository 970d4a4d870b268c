using ModScope.Model;

namespace ModScope.Query;

/// <summary>Executes metric SQL in one engine's dialect.</summary>
public interface IMetricEngine
{
    ISqlDialect Dialect { get; }

    /// <summary>
    /// The reference data the engine's events refer to (markets, policies, queues, sites, with their history): filter
    /// values are checked against it and planning reads SLAs and markets from it. An engine without its own reference
    /// tables answers the shipped defaults.
    /// </summary>
    ReferenceData Reference => ReferenceData.Shipped;

    /// <summary>The state of the store's rollup named <paramref name="name"/>, or null when the engine keeps none (the door then reads raw rows).</summary>
    RollupState? Rollup(string name) => null;

    /// <summary>Runs <paramref name="sql"/> with named parameters and returns every row's values (DBNull as null).</summary>
    Task<IReadOnlyList<object?[]>> QueryAsync(string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken = default);
}
