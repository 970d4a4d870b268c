using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>The dispersion estimate leaves out the largest 10% of squared z-scores, and is rescaled so binomial noise gives φ = 1.</summary>
public sealed class DispersionConsistencyTests
{
    [Fact]
    public void The_rescaling_constant_is_the_mean_of_the_lowest_nine_tenths_of_a_chi_square_with_one_degree_of_freedom()
    {
        // Closed form, by hand: q = χ²₁ 90% quantile = 1.644854² (z of 0.95 squared); F₃(q) = 2Φ(√q) − 1 − √(2q/π)·e^(−q/2).
        var q = 1.6448536269514722 * 1.6448536269514722;
        var f3 = (2 * 0.95) - 1 - (Math.Sqrt(2 * q / Math.PI) * Math.Exp(-q / 2));
        Assert.Equal(f3 / 0.9, QuasiDispersion.TrimmedChiSquareMean, 9);
    }

    [Fact]
    public void A_simulated_chi_square_sample_trimmed_the_same_way_has_that_mean()
    {
        var random = new Random(17);
        var squares = Enumerable.Range(0, 200_000).Select(_ => Math.Pow(StandardNormal(random), 2)).Order().ToArray();
        var trimmed = squares.Take((int)(squares.Length * 0.9)).Average();

        Assert.InRange(trimmed / QuasiDispersion.TrimmedChiSquareMean, 0.99, 1.01);
    }

    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
