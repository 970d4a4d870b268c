using ModScope.Stats;

namespace ModScope.Tests.Stats;

public sealed class CohensKappaTests
{
    /// <summary>50 items: both "enforce" 20, A enforce/B approve 5, A approve/B enforce 10, both "approve" 15.</summary>
    private static readonly (string A, string B, long Count)[] TwoByTwo =
    [
        ("enforce", "enforce", 20), ("enforce", "approve", 5), ("approve", "enforce", 10), ("approve", "approve", 15),
    ];

    [Fact]
    public void FromCounts_for_two_by_two_table_matches_hand_computation()
    {
        // P_o = (20 + 15)/50 = 0.70. Marginals: A enforce 0.5, approve 0.5; B enforce 0.6, approve 0.4.
        // P_e = 0.5·0.6 + 0.5·0.4 = 0.50; κ = (0.70 − 0.50)/(1 − 0.50) = 0.40.
        // Fleiss–Cohen–Everitt variance, numerator terms:
        //   diagonal  0.4·(0.5 − 1.1·0.3)² + 0.3·(0.5 − 0.9·0.3)² = 0.4·0.0289 + 0.3·0.0529 = 0.02743
        //   off-diag  0.3² · [0.1·(0.6 + 0.5)² + 0.2·(0.4 + 0.5)²] = 0.09 · 0.283 = 0.02547
        //   minus     (0.7·0.5 − 2·0.5 + 0.7)² = 0.05² = 0.0025
        // Var = 0.0504 / (50 · 0.5⁴) = 0.016128, SE = 0.126996 (statsmodels' cohens_kappa agrees);
        // 95% interval 0.4 ± 1.959964·0.126996 = [0.151092, 0.648908].
        var kappa = CohensKappa.FromCounts(TwoByTwo);

        Assert.Equal(0.70, kappa.ObservedAgreement, 12);
        Assert.Equal(0.50, kappa.ExpectedAgreement, 12);
        Assert.Equal(0.40, kappa.Kappa!.Value, 12);
        Assert.Equal(0.126996, kappa.StandardError!.Value, 6);
        Assert.Equal(0.151092, kappa.Interval!.Lower, 6);
        Assert.Equal(0.648908, kappa.Interval.Upper, 6);
        Assert.Equal((50L, 2), (kappa.Items, kappa.Categories));
    }

    [Fact]
    public void Compute_from_pairs_equals_the_table_version()
    {
        var pairs = TwoByTwo.SelectMany(c => Enumerable.Repeat((c.A, c.B), (int)c.Count)).ToList();

        var fromPairs = CohensKappa.Compute(pairs);

        Assert.Equal(CohensKappa.FromCounts(TwoByTwo), fromPairs);
        Assert.Equal(0.40, fromPairs.Kappa!.Value, 12);
    }

    [Fact]
    public void FromCounts_for_three_categories_matches_statsmodels()
    {
        // statsmodels.stats.inter_rater.cohens_kappa([[30,3,1],[4,25,2],[0,5,10]]): kappa 0.7019374, std_kappa 0.0686184.
        var kappa = CohensKappa.FromCounts(
        [
            ("ok", "ok", 30), ("ok", "ip", 3), ("ok", "fraud", 1),
            ("ip", "ok", 4), ("ip", "ip", 25), ("ip", "fraud", 2),
            ("fraud", "ok", 0), ("fraud", "ip", 5), ("fraud", "fraud", 10),
        ]);

        Assert.Equal(0.7019374, kappa.Kappa!.Value, 7);
        Assert.Equal(0.0686184, kappa.StandardError!.Value, 7);
    }

    [Fact]
    public void FromCounts_swapping_the_raters_keeps_kappa_and_its_standard_error()
    {
        var swapped = CohensKappa.FromCounts(TwoByTwo.Select(c => (c.B, c.A, c.Count)).ToList());

        Assert.Equal(0.40, swapped.Kappa!.Value, 12);
        Assert.Equal(0.126996, swapped.StandardError!.Value, 6);
    }

    [Fact]
    public void Compute_when_both_raters_use_one_category_throughout_kappa_is_undefined()
    {
        // P_o = P_e = 1: κ = 0/0.
        var kappa = CohensKappa.Compute([("approve", "approve"), ("approve", "approve")]);

        Assert.Null(kappa.Kappa);
        Assert.Null(kappa.Interval);
        Assert.Equal((1.0, 1.0), (kappa.ObservedAgreement, kappa.ExpectedAgreement));
    }

    [Fact]
    public void Compute_perfect_agreement_over_two_categories_is_one_with_zero_standard_error()
    {
        var kappa = CohensKappa.Compute([("a", "a"), ("b", "b"), ("a", "a"), ("b", "b")]);

        Assert.Equal(1.0, kappa.Kappa!.Value, 12);
        Assert.Equal(0.0, kappa.StandardError!.Value, 12);
    }

    [Fact]
    public void Compute_with_no_pairs_throws()
    {
        Assert.Throws<ArgumentException>(() => CohensKappa.Compute([]));
    }
}
