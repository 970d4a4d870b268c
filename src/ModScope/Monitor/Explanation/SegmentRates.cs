namespace ModScope.Monitor.Explanation;

/// <summary>
/// One segment of a sampled proportion in the alert's days and in its baseline: weighted (estimated population)
/// numerator and denominator, and the effective sample size behind each (Kish), which is what sampling noise scales with.
/// </summary>
internal sealed record SegmentRates(
    IReadOnlyDictionary<string, string> Conjunction,
    double Numerator,
    double Denominator,
    double Trials,
    double BaselineNumerator,
    double BaselineDenominator,
    double BaselineTrials)
{
    public double Rate => Denominator > 0 ? Numerator / Denominator : double.NaN;

    public double BaselineRate => BaselineDenominator > 0 ? BaselineNumerator / BaselineDenominator : double.NaN;

    /// <summary>What the segment's current weight would have produced at its baseline rate.</summary>
    public double Expected => Denominator * (double.IsFinite(BaselineRate) ? BaselineRate : 0.0);

    /// <summary>The segment's part of the total's change in weighted numerator: its rate change at its current weight.</summary>
    public double Excess => Numerator - Expected;

    /// <summary>
    /// Pooled two-proportion z of the segment's rate against its baseline rate, each from its effective sample size
    /// (<see cref="Stats.ProportionTest.PooledZ"/>). Zero when either side has no sample.
    /// </summary>
    public double Z =>
        Trials > 0 && BaselineTrials > 0 && double.IsFinite(Rate) && double.IsFinite(BaselineRate)
            ? Stats.ProportionTest.PooledZ(Rate, Trials, BaselineRate, BaselineTrials)
            : 0.0;
}
