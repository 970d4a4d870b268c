namespace ModScope.Query;

/// <summary>
/// What a consumer asks for: metrics × dimensions × time grain × filters × period, with an optional
/// comparison. Every consumer (CLI, monitor, dashboard, reports) asks for numbers only through this.
/// </summary>
public sealed record MetricRequest(
    IReadOnlyList<string> Metrics,
    IReadOnlyList<string> Dimensions,
    TimeGrain Grain,
    IReadOnlyList<DimensionFilter> Filters,
    Period Period,
    Comparison Comparison = Comparison.None)
{
    /// <summary>A confidence level for intervals and significance.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>
    /// Also compute distribution-free intervals for quantile metrics (TAT p50/p90): one more statement per
    /// quantile, ranking the values near the quantile in each group.
    /// </summary>
    public bool QuantileIntervals { get; init; }

    /// <summary>
    /// Also compute standard errors (as a normal interval and a test basis) for means, sums and ratios across sources
    /// (handling time, cost per decision): two more aggregates per such measure, its count of values and sum of squares.
    /// See <c>Evaluator</c> for the models.
    /// </summary>
    public bool LevelErrors { get; init; }

    /// <summary>
    /// The part of the data the caller may see: the door adds it as mandatory filters before planning
    /// (<see cref="ScopeFilters"/>), so the answer is the answer within the scope.
    /// </summary>
    public AccessScope Scope { get; init; } = AccessScope.Everything;

    /// <summary>Read the raw rows even where the catalogue's rollup covers the request (<c>--exact</c>; see <c>Rollups.RollupReader</c>).</summary>
    public bool Exact { get; init; }
}
