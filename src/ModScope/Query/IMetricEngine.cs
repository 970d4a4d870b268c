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

    /// <summary>
    /// The earliest instant (UTC) of each event table's rows by its dating column (<see cref="TableSchema.AsOf"/>: decisions'
    /// <c>decided_at</c>, audits' <c>audited_at</c>, appeals' <c>filed_at</c>, staffing's <c>date</c>), keyed by table name; a
    /// table without rows is absent. An engine reads it once per version of its data (it changes with loads only). The door
    /// marks a comparison whose period starts before it as partial (<see cref="ComparisonCoverage"/>); an engine that
    /// cannot tell answers none, and no comparison is marked.
    /// </summary>
    IReadOnlyDictionary<string, DateTime> FirstDays => NoFirstDays;

    /// <summary>No table's first day known.</summary>
    static readonly IReadOnlyDictionary<string, DateTime> NoFirstDays = new Dictionary<string, DateTime>();

    /// <summary>Runs <paramref name="sql"/> with named parameters and returns every row's values (DBNull as null).</summary>
    Task<IReadOnlyList<object?[]>> QueryAsync(string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken = default);
}
