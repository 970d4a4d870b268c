namespace ModScope.Query;

/// <summary>
/// One SQL statement of a plan. Its first <see cref="KeyCount"/> columns are the group key (time bucket
/// when the request has a grain, then each dimension), the rest are values as described by <see cref="Kind"/>.
/// </summary>
/// <param name="Outputs">Aggregates: the atom keys of the value columns. Strata: the metric ids, in column order. Ranks: the keys of the quantile atoms sharing the ranking. Pairs: the metric id.</param>
public sealed record PlannedStatement(
    string Purpose,
    StatementKind Kind,
    string Sql,
    IReadOnlyDictionary<string, object?> Parameters,
    int KeyCount,
    IReadOnlyList<string> Outputs);
