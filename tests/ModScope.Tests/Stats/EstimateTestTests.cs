using ModScope.Stats;

namespace ModScope.Tests.Stats;

public sealed class EstimateTestTests
{
    [Fact]
    public void A_negative_kappa_against_a_positive_one_is_a_wald_test_on_the_difference()
    {
        // κ1 = −0.10 (V 0.0025), κ2 = 0.30 (V 0.0016): d = −0.40, se = √0.0041 = 0.064031, z = −6.2470.
        var test = EstimateTest.Difference(-0.10, 0.0025, 0.30, 0.0016);

        Assert.Equal(-0.40, test.Difference, 12);
        Assert.Equal(-0.40 / Math.Sqrt(0.0041), test.Z, 9);
        Assert.Equal(-0.40 - (1.959963984540054 * Math.Sqrt(0.0041)), test.DifferenceInterval.Lower, 9);
        Assert.True(test.IsSignificant());
    }

    [Fact]
    public void Equal_estimates_without_variance_are_no_difference()
    {
        var test = EstimateTest.Difference(0.5, 0, 0.5, 0);

        Assert.Equal(1.0, test.PValue);
    }

    [Fact]
    public void A_negative_variance_is_refused_naming_it() =>
        Assert.Equal("variance2", Assert.Throws<ArgumentOutOfRangeException>(() => EstimateTest.Difference(0.1, 0.01, 0.2, -1)).ParamName);
}
