using ModScope.Explain;

namespace ModScope.Tests.Explain;

/// <summary>How relative noise scales with leaf size: flat for multiplicative noise, as 1/√f for counts.</summary>
public sealed class NoiseShapeTests
{
    [Fact]
    public void Fit_OnMultiplicativeNoise_FindsNoDependenceOnSize()
    {
        var (actual, expected) = Leaves(f => f * (1 + (0.05 * Normal())));

        var shape = Fit(actual, expected);

        Assert.Equal(0, shape.Exponent);
        Assert.Equal(1, shape.Weight(10), 9);
    }

    [Fact]
    public void Fit_OnCountNoise_FindsTheSquareRootLaw()
    {
        // Poisson-like: a = f + √f·z, so the relative noise is f^(−1/2).
        var (actual, expected) = Leaves(f => Math.Max(0, f + (Math.Sqrt(f) * Normal())));

        var shape = Fit(actual, expected);

        Assert.InRange(shape.Exponent, 0.4, 0.5);
        Assert.Equal(Math.Pow(4.0, shape.Exponent), shape.Weight(4 * shape.Reference), 9);
    }

    [Fact]
    public void Fit_WithFewLeaves_AssumesMultiplicativeNoise()
    {
        var shape = NoiseShape.Fit([0.1, -0.2, 0.05], [1, 10, 100], 3);

        Assert.Equal(0, shape.Exponent);
        Assert.Equal(10, shape.Reference);
    }

    private static readonly Random Random = new(5);

    private static (double[] Actual, double[] Expected) Leaves(Func<double, double> actual)
    {
        var expected = Enumerable.Range(0, 3000).Select(_ => Math.Exp(2 + (2 * Random.NextDouble() * 2))).ToArray();
        return (expected.Select(actual).ToArray(), expected);
    }

    private static NoiseShape Fit(double[] actual, double[] expected) =>
        NoiseShape.Fit(actual.Zip(expected, (a, f) => LeafScreen.Deviation(a, f, 1)).ToArray(), expected, 3);

    private static double Normal() => Math.Sqrt(-2 * Math.Log(1 - Random.NextDouble())) * Math.Cos(2 * Math.PI * Random.NextDouble());
}
