using ModScope.Stats;

namespace ModScope.Query;

/// <summary>A metric's value for one key, with what a significance test needs.</summary>
internal sealed record Evaluation(double? Value, double? Numerator, double? Denominator, double? SampleSize, Interval? Interval, TestBasis Basis)
{
    /// <summary>Kish's effective sample size behind a weighted (stratified) estimate; see <see cref="MetricResult.EffectiveSampleSize"/>.</summary>
    public double? EffectiveSampleSize { get; init; }

    /// <summary>Set when the value is approximate (a rollup's quantile sketch); see <see cref="MetricResult.RelativeError"/>.</summary>
    public double? RelativeError { get; init; }

    public static readonly Evaluation Empty = new(null, null, null, null, null, TestBasis.None);
}

/// <summary>How two evaluations of a metric can be compared statistically.</summary>
internal abstract record TestBasis
{
    public static readonly TestBasis None = new NoTest();

    /// <summary>Successes out of trials (a census ratio of counts, treated as binomial).</summary>
    public sealed record Binomial(long Successes, long Trials) : TestBasis;

    /// <summary>An estimate with its variance (stratified QA proportion, kappa).</summary>
    public sealed record Estimate(double Value, double Variance) : TestBasis;

    /// <summary>A count of events over periods of equal length (Poisson).</summary>
    public sealed record Count(long Events) : TestBasis;

    public sealed record NoTest : TestBasis;
}
