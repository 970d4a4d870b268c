namespace ModScope.Stats;

/// <summary>Tests for a change between two proportions (DOMAIN.md 1.10): period vs baseline, site vs site.</summary>
public static class ProportionTest
{
    /// <summary>
    /// Two independent binomial samples x1/n1 and x2/n2. Test: the pooled two-proportion z-test,
    /// z = (p̂1 − p̂2) / sqrt(p̄(1−p̄)(1/n1 + 1/n2)) with p̄ = (x1+x2)/(n1+n2) (e.g. Fleiss, Levin &amp; Paik 2003,
    /// ch. 3; the score test, equal to Pearson's χ² on the 2×2 table). When both samples are all successes
    /// or all failures z = 0 and p = 1. Interval: Newcombe's (1998, Stat. Med. 17:873, method 10) hybrid
    /// score interval built from the two Wilson intervals. Test and interval can disagree at the margin.
    /// </summary>
    public static Significance TwoProportion(long x1, long n1, long x2, long n2, double confidence = 0.95)
    {
        CheckGroup(x1, n1, nameof(x1), nameof(n1));
        CheckGroup(x2, n2, nameof(x2), nameof(n2));
        var p1 = (double)x1 / n1;
        var p2 = (double)x2 / n2;
        var z = PooledZ(p1, n1, p2, n2);

        // Newcombe (1998) method 10: with Wilson limits (l_i, u_i) for p_i and δ = p1 − p2,
        // lower = δ − sqrt((p1 − l1)² + (u2 − p2)²), upper = δ + sqrt((u1 − p1)² + (p2 − l2)²).
        var w1 = ProportionInterval.Wilson(x1, n1, confidence);
        var w2 = ProportionInterval.Wilson(x2, n2, confidence);
        var d = p1 - p2;
        var lower = d - Math.Sqrt(Square(p1 - w1.Lower) + Square(w2.Upper - p2));
        var upper = d + Math.Sqrt(Square(w1.Upper - p1) + Square(p2 - w2.Lower));
        var interval = new Interval(Math.Max(-1.0, lower), Math.Min(1.0, upper), confidence, "Newcombe hybrid score");
        return new Significance(p1, p2, d, z, Critical.TwoSidedPValue(z), interval, "pooled two-proportion z-test; Newcombe hybrid score interval");
    }

    /// <summary>
    /// The pooled two-proportion z of <see cref="TwoProportion"/> for rates <paramref name="p1"/>, <paramref name="p2"/>
    /// from <paramref name="n1"/>, <paramref name="n2"/> trials, which need not be whole: a weighted estimate enters with
    /// its effective sample size (Kish 1965, §8.2). Zero when the pooled rate is 0 or 1.
    /// </summary>
    public static double PooledZ(double p1, double n1, double p2, double n2)
    {
        var pooled = ((p1 * n1) + (p2 * n2)) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1.0 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        return se > 0.0 ? (p1 - p2) / se : 0.0;
    }

    /// <summary>
    /// Two independent design-based estimates (stratified or weighted) with their variances:
    /// z = (p̂1 − p̂2) / sqrt(V1 + V2), interval δ ± z_(1−α/2)·sqrt(V1 + V2) (Wald, large-sample normal theory;
    /// e.g. Cochran 1977 ch. 5 for the variances). With V1 + V2 = 0 a zero difference gives p = 1 and any
    /// other difference p = 0. The variances near 0 or 1 are unstable: require enough audited items first.
    /// </summary>
    public static Significance Stratified(double estimate1, double variance1, double estimate2, double variance2, double confidence = 0.95)
    {
        Critical.CheckProbability(estimate1, nameof(estimate1));
        Critical.CheckProbability(estimate2, nameof(estimate2));
        var test = EstimateTest.Difference(estimate1, variance1, estimate2, variance2, confidence);
        // A difference of two proportions lies in [−1, 1].
        return test with { DifferenceInterval = test.DifferenceInterval with { Lower = Math.Max(-1.0, test.DifferenceInterval.Lower), Upper = Math.Min(1.0, test.DifferenceInterval.Upper) } };
    }

    /// <summary>Compares two stratified estimates, e.g. this week against the baseline weeks.</summary>
    public static Significance Stratified(StratifiedEstimate first, StratifiedEstimate second, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Stratified(first.Estimate, first.Variance, second.Estimate, second.Variance, confidence);
    }

    private static double Square(double x) => x * x;

    private static void CheckGroup(long successes, long trials, string successesName, string trialsName)
    {
        if (trials < 1)
        {
            throw new ArgumentOutOfRangeException(trialsName, trials, "Each group needs at least one item; check the minimum denominator before testing.");
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(successesName, successes, $"Successes must lie between 0 and the {trials} items.");
        }
    }

}
