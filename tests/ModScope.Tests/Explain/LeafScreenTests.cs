using ModScope.Explain;

namespace ModScope.Tests.Explain;

/// <summary>The noise level must come from the normal leaves even when many leaves are anomalous.</summary>
public sealed class LeafScreenTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.3, 0.5)]   // 30% of leaves halve: one side of 0 is far wider
    [InlineData(0.4, 1.6)]   // 40% rise by 60%
    public void Measure_estimates_the_noise_of_the_normal_leaves(double anomalousShare, double ratio)
    {
        // 4,000 leaves with 5% relative noise: r = (a − f)/f = 0.05 z, so σ = 0.05.
        var random = new Random(11);
        var expected = Enumerable.Range(0, 4000).Select(_ => 50 + (100 * random.NextDouble())).ToArray();
        var actual = expected.Select((f, i) => f * (1 + (0.05 * Normal(random))) * (i < anomalousShare * 4000 ? ratio : 1)).ToArray();

        var screen = LeafScreen.Measure(actual, expected, RootCauseSettings.Default);

        Assert.InRange(screen.Scale, 0.045, 0.055);
        Assert.InRange(screen.AnomalousCount, (int)(anomalousShare * 4000), (int)(anomalousShare * 4000) + 40);
    }

    [Fact]
    public void Measure_on_an_exact_forecast_floors_the_noise_and_flags_only_moved_leaves()
    {
        var screen = LeafScreen.Measure([100, 100, 50, 0, 5], [100, 100, 100, 0, 0], RootCauseSettings.Default);

        Assert.Equal(RootCauseSettings.Default.MinNoise, screen.Scale);
        Assert.Equal([false, false, true, false, true], screen.Anomalous);
        Assert.Equal(55, screen.TotalDeviation, 9);
    }

    [Fact]
    public void Measure_leaves_empty_leaves_out_of_the_noise()
    {
        // 6,000 of 10,000 leaves are 0 on both sides; the other 4,000 scatter by 5%. With the empty ones counted as exact
        // forecasts the median |r| would be that of the 10th percentile of the rest and σ a fifth of the truth.
        var random = new Random(12);
        var expected = Enumerable.Range(0, 10_000).Select(i => i < 6000 ? 0 : 50 + (100 * random.NextDouble())).ToArray();
        var actual = expected.Select(f => f * (1 + (0.05 * Normal(random)))).ToArray();

        var screen = LeafScreen.Measure(actual, expected, RootCauseSettings.Default);

        Assert.InRange(screen.Scale, 0.045, 0.055);
        Assert.Equal(4000, screen.Informative.Count(i => i));
    }

    [Fact]
    public void Measure_on_counts_allows_at_least_Poisson_noise()
    {
        // Whole numbers, nearly all on forecast, so the fitted σ is the floor: a count of f then varies by √f, a relative
        // 1/√f. 4 → 8 is r = 1 against 3 × 1/√4 = 1.5: not anomalous. 400 → 480 is r = 0.2 against 3 × 1/√400 = 0.15:
        // anomalous. The same numbers with a fraction are not counts, and 4 → 8.5 stands out.
        double[] expected = [.. Enumerable.Repeat(400.0, 20), 4, 400];

        var counts = LeafScreen.Measure([.. Enumerable.Repeat(400.0, 20), 8, 480], expected, RootCauseSettings.Default);
        var amounts = LeafScreen.Measure([.. Enumerable.Repeat(400.0, 20), 8.5, 480], expected, RootCauseSettings.Default);

        Assert.Equal([false, true], counts.Anomalous[20..]);
        Assert.Equal([true, true], amounts.Anomalous[20..]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
