using ModScope.Stats;

namespace ModScope.Tests.Stats;

public sealed class ProportionTestTests
{
    [Fact]
    public void TwoProportion_for_ninety_versus_eighty_of_hundred_matches_hand_computation()
    {
        // p̄ = 170/200 = 0.85; SE0 = sqrt(0.85 · 0.15 · (1/100 + 1/100)) = sqrt(0.00255) = 0.0504975
        // z = 0.10 / 0.0504975 = 1.980295; p = 2·Φ(−1.980295) = 0.047670.
        var test = ProportionTest.TwoProportion(90, 100, 80, 100);

        Assert.Equal(0.10, test.Difference, 12);
        Assert.Equal(1.980295, test.Z, 6);
        Assert.Equal(0.047670, test.PValue, 6);
        Assert.True(test.IsSignificant(0.05));
        Assert.False(test.IsSignificant(0.01));
    }

    [Fact]
    public void TwoProportion_interval_matches_Newcombes_published_example()
    {
        // Newcombe (1998), Stat. Med. 17:873, Table II example (a): 56/70 − 48/80, method 10: 0.0524 to 0.3339.
        var interval = ProportionTest.TwoProportion(56, 70, 48, 80).DifferenceInterval;

        Assert.Equal(0.0524, interval.Lower, 4);
        Assert.Equal(0.3339, interval.Upper, 4);
        Assert.Equal("Newcombe hybrid score", interval.Method);
    }

    [Fact]
    public void TwoProportion_when_both_groups_are_perfect_has_no_evidence_of_difference()
    {
        var test = ProportionTest.TwoProportion(50, 50, 200, 200);

        Assert.Equal((0.0, 1.0), (test.Z, test.PValue));
        Assert.False(test.IsSignificant());
    }

    [Fact]
    public void TwoProportion_on_equal_proportions_rejects_at_five_percent_about_five_percent_of_the_time()
    {
        // Exact size of this test at p = 0.9, n = 200 vs 400: 0.0496.
        var random = new Random(42);
        const int draws = 4000;
        var rejections = 0;
        for (var i = 0; i < draws; i++)
        {
            var test = ProportionTest.TwoProportion(Draws.Binomial(random, 200, 0.9), 200, Draws.Binomial(random, 400, 0.9), 400);
            if (test.IsSignificant(0.05))
            {
                rejections++;
            }
        }

        Assert.InRange((double)rejections / draws, 0.03, 0.07);
    }

    [Fact]
    public void Stratified_matches_hand_computation()
    {
        // d = 0.928 − 0.95 = −0.022; SE = sqrt(0.0003 + 0.0001) = 0.02; z = −1.1; p = 2·Φ(−1.1) = 0.271332;
        // interval −0.022 ± 1.959964 · 0.02 = [−0.061199, 0.017199].
        var test = ProportionTest.Stratified(0.928, 0.0003, 0.95, 0.0001);

        Assert.Equal(-1.1, test.Z, 9);
        Assert.Equal(0.271332, test.PValue, 6);
        Assert.Equal(-0.061199, test.DifferenceInterval.Lower, 6);
        Assert.Equal(0.017199, test.DifferenceInterval.Upper, 6);
        Assert.False(test.IsSignificant());
    }

    [Fact]
    public void Stratified_with_zero_variances_is_certain_about_any_difference()
    {
        Assert.Equal(0.0, ProportionTest.Stratified(0.9, 0, 0.8, 0).PValue);
        Assert.Equal(1.0, ProportionTest.Stratified(0.9, 0, 0.9, 0).PValue);
    }

    [Fact]
    public void Stratified_from_two_stratified_estimates_uses_their_estimates_and_variances()
    {
        var current = StratifiedProportion.Estimate([new("A", 8000, 100, 96), new("B", 2000, 100, 80)]);
        var baseline = StratifiedProportion.Estimate([new("A", 8000, 200, 196), new("B", 2000, 200, 180)]);

        var test = ProportionTest.Stratified(current, baseline);

        Assert.Equal((current.Estimate - baseline.Estimate) / Math.Sqrt(current.Variance + baseline.Variance), test.Z, 12);
    }

    [Fact]
    public void TwoProportion_with_an_empty_group_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionTest.TwoProportion(0, 0, 5, 10));
    }
}
