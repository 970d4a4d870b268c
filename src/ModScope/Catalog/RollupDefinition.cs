namespace ModScope.Catalog;

/// <summary>
/// The catalogue's <c>rollup</c>: the store keeps the additive pieces of every metric (counts, sums, sums of squares,
/// QA strata counts, agreement pair counts) per day in <paramref name="TimeZone"/> × these <paramref name="Dimensions"/>,
/// and the query door answers a request they cover from it (<c>Query.Rollups</c>).
/// </summary>
/// <param name="Name">The rollup's name (its tables are <c>rollup_NAME_N</c>).</param>
/// <param name="TimeZone">The IANA zone whose days the rollup's rows are.</param>
/// <param name="Dimensions">Dimension ids of the catalogue.</param>
/// <param name="Line">Where it is defined, for messages.</param>
public sealed record RollupDefinition(string Name, string TimeZone, IReadOnlyList<string> Dimensions, int Line = 0);
