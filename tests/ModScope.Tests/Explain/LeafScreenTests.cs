using ModScope.Explain;

namespace ModScope.Tests.Explain;

/// <summary>The noise level must come from the normal leaves even when many leaves are anomalous.</summary>
public sealed class LeafScreenTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.3, 0.5)]   // 30% of leaves halve: one side of 0 is far wider
    [InlineData(0.4, 1.6)]   // 40% rise by 60%
    public void Measure_EstimatesTheNoiseOfTheNormalLeaves(double anomalousShare, double ratio)
    {
        // 4,000 leaves with 5% relative noise; σ of ln(1 + 0.05 z) is 0.05 to within 0.1%.
        var random = new Random(11);
        var expected = Enumerable.Range(0, 4000).Select(_ => 50 + (100 * random.NextDouble())).ToArray();
        var actual = expected.Select((f, i) => f * (1 + (0.05 * Normal(random))) * (i < anomalousShare * 4000 ? ratio : 1)).ToArray();

        var screen = LeafScreen.Measure(actual, expected, RootCauseSettings.Default);

        Assert.InRange(screen.Scale, 0.045, 0.055);
        Assert.InRange(screen.AnomalousCount, (int)(anomalousShare * 4000), (int)(anomalousShare * 4000) + 40);
    }

    [Fact]
    public void Measure_OnAnExactForecast_FloorsTheNoiseAndFlagsOnlyMovedLeaves()
    {
        var screen = LeafScreen.Measure([100, 100, 50, 0, 5], [100, 100, 100, 0, 0], RootCauseSettings.Default);

        Assert.Equal(RootCauseSettings.Default.MinNoise, screen.Scale);
        Assert.Equal([false, false, true, false, true], screen.Anomalous);
        Assert.Equal(55, screen.TotalDeviation, 9);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
