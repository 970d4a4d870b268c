using ModScope.Explain;

namespace ModScope.Tests.Explain;

/// <summary>
/// One test per mechanism of the search, on a 4 × 5 × 4 × 6 grid (480 leaves) made here: expected values lognormal,
/// actual = expected × the injected ratio × (1 + noise·N(0, 1)). The expected answer is what was injected.
/// </summary>
public sealed class CauseSearchTests
{
    [Fact]
    public void Find_WhenManyLeavesAreEmpty_MeasuresTheNoiseOnTheOthers()
    {
        // 40% of leaves are 0 on both sides, as in sparse cubes: they say nothing about the noise, which stays 1%.
        var cube = Grid(seed: 1, noise: 0.01, empty: 0.4, v => v[1] == "b2" ? 0.4 : 1);

        var result = RootCauseSearch.Find(cube);

        Assert.Equal(["b=b2"], Cubes.Labels(cube, result));
        Assert.InRange(result.NoiseScale, 0.008, 0.013);
    }

    [Fact]
    public void Find_WhenAThreeDimensionConjunctionMoves_NamesExactlyIt()
    {
        var cube = Grid(seed: 2, noise: 0.01, empty: 0, v => v is ["a2", "b3", _, "d5"] ? 0.3 : 1);

        Assert.Equal(["a=a2&b=b3&d=d5"], Cubes.Labels(cube, RootCauseSearch.Find(cube)));
    }

    [Fact]
    public void Find_WithCausesOfTwoAndThreeDimensionsInOppositeDirections_NamesBoth()
    {
        var cube = Grid(seed: 3, noise: 0.02, empty: 0.2, v => v is ["a1", _, "c2", _] ? 0.5 : v is [_, "b4", "c3", "d1"] ? 1.7 : 1);

        var found = Cubes.Labels(cube, RootCauseSearch.Find(cube));

        Assert.Equal(["a=a1&c=c2", "b=b4&c=c3&d=d1"], found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_WhenPartOfAFallingCauseRises_KeepsThoseLeavesForACauseOfTheirOwn()
    {
        // a=a3 halves, except its b=b1 leaves, which rise by 60%: a=a3 explains the fall, not the rise nested in it.
        var cube = Grid(seed: 4, noise: 0.01, empty: 0, v => v is ["a3", "b1", _, _] ? 1.6 : v[0] == "a3" ? 0.5 : 1);

        var result = RootCauseSearch.Find(cube);

        Assert.Equal(["a=a3", "a=a3&b=b1"], Cubes.Labels(cube, result).Order(StringComparer.Ordinal));
        Assert.True(result.Causes.Single(c => c.Conjunction.Count == 2).Change > 0);
    }

    [Fact]
    public void Find_OnceTheChangeIsExplained_StopsDespiteLoneOutliers()
    {
        // Three lone leaves 15% (15σ) off, each in a different place: one leaf weighs at most ln(2(1 − η)/η + 1) = ln 199
        // = 5.29, while naming any of the cube's M ≥ 480 conjunctions needs more than ln 480 = 6.17. Only c=c4 is a cause.
        var cube = Grid(seed: 5, noise: 0.01, empty: 0,
            v => v[2] == "c4" ? 0.5 : v is ["a1", "b1", "c1", "d1"] or ["a2", "b3", "c2", "d4"] or ["a4", "b5", "c3", "d6"] ? 1.15 : 1);

        var result = RootCauseSearch.Find(cube);

        Assert.Equal(["c=c4"], Cubes.Labels(cube, result));
    }

    [Fact]
    public void Find_WhenManyLeavesMoveALittle_NamesTheirSharedCause()
    {
        // Counts of 20 to 60 vary by 13–22% on their own, so a 20% rise of a=a2 is about one σ per leaf: no leaf shows it,
        // its 120 leaves together do (a shared shift of ~1σ over n leaves carries a log likelihood ratio of about n/2).
        var random = new Random(6);
        var cube = Build(random, empty: 0, (v, f) => Poisson(random, f * (v[0] == "a2" ? 1.2 : 1)), _ => 20 + (40 * random.NextDouble()));

        Assert.Equal(["a=a2"], Cubes.Labels(cube, RootCauseSearch.Find(cube)));
    }

    [Fact]
    public void Find_WhenAValueMovedExceptInOnePart_NamesThePartsThatMoved()
    {
        // c=c2 rises by half everywhere but under a=a1, about a quarter of it (leaves of 50 to 150) that stays put: c=c2
        // would claim a rise where there was none, so its three moving parts are the causes.
        var random = new Random(7);
        var cube = Build(random, empty: 0,
            (v, f) => f * (v[2] == "c2" && v[0] != "a1" ? 1.5 : 1) * (1 + (0.01 * Normal(random))), _ => 50 + (100 * random.NextDouble()));

        var found = Cubes.Labels(cube, RootCauseSearch.Find(cube));

        Assert.Equal(["a=a2&c=c2", "a=a3&c=c2", "a=a4&c=c2"], found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_WhenOnlyATinyPartOfACauseStaysPut_StillNamesTheWholeCause()
    {
        // The same rise, but the a=a1 leaves are a thousand times smaller (counts rounded back to their forecast, say):
        // under a tenth of c=c2's size, so c=c2 is the cause.
        var random = new Random(8);
        var cube = Build(random, empty: 0,
            (v, f) => f * (v[2] == "c2" && v[0] != "a1" ? 1.5 : 1) * (1 + (0.01 * Normal(random))),
            v => Math.Exp(4 + (1.5 * Normal(random))) * (v[0] == "a1" ? 0.001 : 1));

        Assert.Equal(["c=c2"], Cubes.Labels(cube, RootCauseSearch.Find(cube)));
    }

    private static Cube Grid(int seed, double noise, double empty, Func<string[], double> ratio)
    {
        var random = new Random(seed);
        return Build(random, empty, (v, f) => f * ratio(v) * (1 + (noise * Normal(random))), _ => Math.Exp(4 + (1.5 * Normal(random))));
    }

    private static Cube Build(Random random, double empty, Func<string[], double, double> actual, Func<string[], double> expected)
    {
        var leaves = new List<CubeLeaf>();
        foreach (var a in Enumerable.Range(1, 4))
        {
            foreach (var b in Enumerable.Range(1, 5))
            {
                foreach (var c in Enumerable.Range(1, 4))
                {
                    foreach (var d in Enumerable.Range(1, 6))
                    {
                        string[] values = [$"a{a}", $"b{b}", $"c{c}", $"d{d}"];
                        var f = expected(values);
                        leaves.Add(random.NextDouble() < empty ? new CubeLeaf(values, 0, 0) : new CubeLeaf(values, actual(values, f), f));
                    }
                }
            }
        }
        return new Cube(["a", "b", "c", "d"], leaves);
    }

    /// <summary>A count with mean <paramref name="mean"/>: the normal approximation, rounded, never below 0.</summary>
    private static double Poisson(Random random, double mean) => Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * Normal(random))));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
