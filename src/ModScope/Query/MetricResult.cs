using ModScope.Stats;

namespace ModScope.Query;

/// <summary>
/// One metric for one time bucket and one combination of dimension values. <see cref="Numerator"/> and
/// <see cref="Denominator"/> are set for ratios (estimated weighted counts for QA proportions);
/// <see cref="SampleSize"/> and <see cref="Interval"/> for sampled metrics. Comparison fields are set when the
/// request has a comparison; <see cref="Significant"/> is null where no test applies (means, quantiles,
/// ratios across sources), and a change that is not significant must not be called a rise or a fall.
/// </summary>
public sealed record MetricResult(
    string Metric,
    DateTime? Bucket,
    IReadOnlyDictionary<string, string?> Dimensions,
    double? Value,
    double? Numerator,
    double? Denominator,
    double? SampleSize,
    Interval? Interval,
    double? ComparisonValue = null,
    double? AbsoluteChange = null,
    double? RelativeChange = null,
    bool? Significant = null,
    double? PValue = null)
{
    /// <summary>
    /// For a stratified QA proportion, the number of simple-random-sample audits that would give its variance
    /// (Kish's effective sample size, see <c>StratifiedProportion</c>): smaller than <see cref="SampleSize"/> when
    /// the strata's weights differ. Sampling tests on the estimate use it instead of the raw audit count.
    /// </summary>
    public double? EffectiveSampleSize { get; init; }

    /// <summary>
    /// Set when <see cref="Value"/> (and the interval's bounds) are approximate: a quantile read from the rollup's
    /// log-bucket sketch, each within this relative error of the raw answer (0.01: 1%). Null: exact. <c>--exact</c> asks for raw.
    /// </summary>
    public double? RelativeError { get; init; }

    /// <summary>
    /// Set in a comparison when its current or previous period (or this row's bucket in it) starts before the first day
    /// the metric's sources hold data: how many of its days have data, and whether the change was kept
    /// (<see cref="ComparisonCoverage.Comparable"/>; when not, <see cref="AbsoluteChange"/>, <see cref="RelativeChange"/>,
    /// <see cref="Significant"/> and <see cref="PValue"/> are null). Null: both periods are covered (or no comparison).
    /// </summary>
    public ComparisonCoverage? Coverage { get; init; }
}
