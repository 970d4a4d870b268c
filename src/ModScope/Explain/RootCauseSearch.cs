namespace ModScope.Explain;

/// <summary>
/// Finds the conjunctions of dimension values that explain why a cube's actual values left their expected ones
/// (in the spirit of HotSpot, Squeeze, AutoRoot and RiskLoc): screen leaves against a robust noise level, take every
/// conjunction of 1..MaxDepth dimension values holding an anomalous leaf as a candidate, weigh each by the evidence
/// its leaves give that it moved (<see cref="CauseSearch"/>), and pick greedily until what is left looks like noise.
/// </summary>
public static class RootCauseSearch
{
    public static RootCauseResult Find(Cube cube, RootCauseSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(cube);
        settings ??= RootCauseSettings.Default;
        settings.Validate();

        var index = CubeIndex.Build(cube, settings.DepthFor(cube.Dimensions.Count));
        var screen = LeafScreen.Measure(index.Actual, index.Expected, settings);
        var causes = new CauseSearch(index, screen, settings).Run()
            .Select(s => new Cause(
                index.Conjunction(s.Group),
                screen.TotalDeviation > 0 ? s.Explained / screen.TotalDeviation : 0,
                s.Actual,
                s.Expected,
                s.Actual - s.Expected,
                s.Leaves,
                s.AnomalousLeaves,
                s.Expected > 0 ? s.Actual / s.Expected : null))
            .OrderByDescending(c => c.Share)
            .ToList();
        return new RootCauseResult(
            causes,
            index.Actual.Sum(),
            index.Expected.Sum(),
            screen.Scale,
            screen.AnomalousCount,
            causes.Sum(c => c.Share));
    }
}
