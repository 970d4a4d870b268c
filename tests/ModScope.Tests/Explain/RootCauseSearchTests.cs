using ModScope.Explain;

namespace ModScope.Tests.Explain;

/// <summary>Hand-built cubes whose causes, shares and ratios are worked out by hand in the comments.</summary>
public sealed class RootCauseSearchTests
{
    private static readonly string[][] Markets = [["US", "GB", "DE"], ["text", "video", "image"]];

    [Fact]
    public void Find_WhenOneMarketHalves_NamesThatMarketAlone()
    {
        // 3 × 3 leaves at 100 (900 in all); GB's three leaves fall to 50 (750 in all). Σ|a − f| = 150, all under market=GB with ratio 150/300.
        var cube = Cubes.Grid(["market", "queue"], Markets, r => r[0] == "GB" ? 50 : null);

        var result = RootCauseSearch.Find(cube);

        var cause = Assert.Single(result.Causes);
        Assert.Equal(new Dictionary<string, string> { ["market"] = "GB" }, cause.Conjunction);
        Assert.Equal(1.0, cause.Share, 9);
        Assert.Equal(150, cause.Actual, 9);
        Assert.Equal(300, cause.Expected, 9);
        Assert.Equal(-150, cause.Change, 9);
        Assert.Equal(0.5, cause.Ratio!.Value, 9);
        Assert.Equal(3, cause.Leaves);
        Assert.Equal(3, cause.AnomalousLeaves);
        Assert.Equal(750, result.TotalActual, 9);
        Assert.Equal(900, result.TotalExpected, 9);
    }

    [Fact]
    public void Find_WhenOnlyAConjunctionMoves_NamesTheConjunctionNotEitherValue()
    {
        // Only (a1, b1) falls, 100 → 20. market=a1 alone would predict 220/300 = 0.733 for all three of its leaves:
        // |20 − 73.3| + 2·|100 − 73.3| = 106.7 > 80 before, so it (and b1 alone, by symmetry) makes things worse.
        var cube = Cubes.Grid(["a", "b"], [["a1", "a2", "a3"], ["b1", "b2", "b3"]], r => r is ["a1", "b1"] ? 20 : null);

        var result = RootCauseSearch.Find(cube);

        Assert.Equal(["a=a1&b=b1"], Cubes.Labels(cube, result));
        Assert.Equal(0.2, result.Causes[0].Ratio!.Value, 9);
        Assert.Equal(1.0, result.ExplainedShare, 9);
    }

    [Fact]
    public void Find_WithTwoCausesInOppositeDirections_ReturnsBothRankedByShare()
    {
        // a1 halves (3 leaves, −150) and (a2, b3) rises 100 → 160 (+60). Σ|a − f| = 210: shares 150/210 and 60/210.
        // Neither a2 (ratio 1.2 over its leaves: |100 − 120|·2 + |160 − 120| = 80 > 60) nor b3 explains the rise better.
        var cube = Cubes.Grid(["a", "b"], [["a1", "a2", "a3"], ["b1", "b2", "b3"]],
            r => r[0] == "a1" ? 50 : r is ["a2", "b3"] ? 160 : null);

        var result = RootCauseSearch.Find(cube);

        Assert.Equal(["a=a1", "a=a2&b=b3"], Cubes.Labels(cube, result));
        Assert.Equal(150.0 / 210, result.Causes[0].Share, 9);
        Assert.Equal(60.0 / 210, result.Causes[1].Share, 9);
        Assert.Equal(-150, result.Causes[0].Change, 9);
        Assert.Equal(60, result.Causes[1].Change, 9);
        Assert.Equal(1.6, result.Causes[1].Ratio!.Value, 9);
        Assert.Equal(1.0, result.ExplainedShare, 9);
    }

    [Fact]
    public void Find_WithMaxCausesOne_KeepsOnlyTheLargest()
    {
        var cube = Cubes.Grid(["a", "b"], [["a1", "a2", "a3"], ["b1", "b2", "b3"]],
            r => r[0] == "a1" ? 50 : r is ["a2", "b3"] ? 160 : null);

        var result = RootCauseSearch.Find(cube, RootCauseSettings.Default with { MaxCauses = 1 });

        Assert.Equal(["a=a1"], Cubes.Labels(cube, result));
    }

    [Fact]
    public void Find_WhenNothingMovesBeyondNoise_FindsNoCause()
    {
        // Twelve leaves off forecast by at most ±2%, symmetric: σ ≈ 1.5%, so nothing lies beyond 3σ.
        double[] noise = [0.01, -0.01, 0.02, -0.02, 0, 0.015, -0.015, 0.005, -0.005, 0.01, -0.01, 0];
        var i = 0;
        var cube = Cubes.Grid(["a", "b"], [["a1", "a2", "a3"], ["b1", "b2", "b3", "b4"]], _ => 100 * (1 + noise[i++]));

        var result = RootCauseSearch.Find(cube);

        Assert.Empty(result.Causes);
        Assert.Equal(0, result.AnomalousLeaves);
        Assert.Equal(0, result.ExplainedShare);
    }

    [Fact]
    public void Find_OnAnExactForecastOrAnEmptyCube_FindsNoCause()
    {
        var exact = Cubes.Grid(["a", "b"], [["a1", "a2"], ["b1", "b2"]], _ => null);
        var empty = new Cube(["a"], []);

        Assert.Empty(RootCauseSearch.Find(exact).Causes);
        Assert.Empty(RootCauseSearch.Find(empty).Causes);
    }

    [Fact]
    public void Find_WhenAWholeValueMoves_PrefersItOverListingItsChildren()
    {
        // a1 halves across all 4 × 2 of its (b, c) children: one cause, not eight or four.
        var cube = Cubes.Grid(["a", "b", "c"], [["a1", "a2", "a3"], ["b1", "b2", "b3", "b4"], ["c1", "c2"]], r => r[0] == "a1" ? 50 : null);

        var result = RootCauseSearch.Find(cube);

        Assert.Equal(["a=a1"], Cubes.Labels(cube, result));
        Assert.Equal(8, result.Causes[0].Leaves);
    }

    [Fact]
    public void Find_WhenAValueAndItsOnlyChildCoverTheSameLeaves_TakesTheShorterConjunction()
    {
        // a1 exists only with b1, so a=a1 and a=a1&b=b1 are the same leaves and score the same: Occam picks a=a1.
        var cube = Cubes.Of(["a", "b"],
            (["a1", "b1"], 40, 100), (["a2", "b1"], 100, 100), (["a2", "b2"], 100, 100), (["a3", "b1"], 100, 100), (["a3", "b2"], 100, 100));

        var result = RootCauseSearch.Find(cube);

        Assert.Equal(["a=a1"], Cubes.Labels(cube, result));
    }

    [Fact]
    public void Find_WhenNewLeavesHaveNoExpectedValue_NamesThemAsOneRise()
    {
        // A new queue with expected 0: no ratio exists; each new leaf is measured against the smallest expected value
        // (50), far beyond the noise of a cube that is otherwise exactly on forecast. All of Σ|a − f| = 100 is theirs.
        var cube = Cubes.Of(["market", "queue"],
            (["US", "text"], 100, 100), (["GB", "text"], 200, 200), (["US", "video"], 300, 300), (["GB", "video"], 50, 50),
            (["US", "new"], 40, 0), (["GB", "new"], 60, 0));

        var result = RootCauseSearch.Find(cube);

        var cause = Assert.Single(result.Causes);
        Assert.Equal(new Dictionary<string, string> { ["queue"] = "new" }, cause.Conjunction);
        Assert.Null(cause.Ratio);
        Assert.Equal(100, cause.Change, 9);
        Assert.Equal(1.0, cause.Share, 9);
    }

    [Fact]
    public void Find_NeverReturnsACauseAndOneOfItsSubCauses()
    {
        var found = Enumerable.Range(1, 30)
            .Select(seed => SyntheticCubes.Generate(seed, noise: 0.05))
            .SelectMany(injected => Pairs(RootCauseSearch.Find(injected.Cube).Causes));

        Assert.DoesNotContain(found, pair => pair.Outer.Conjunction.All(kv => pair.Inner.Conjunction.TryGetValue(kv.Key, out var v) && v == kv.Value));
    }

    [Fact]
    public void Find_WithInvalidSettings_ThrowsNamingTheSetting()
    {
        var cube = Cubes.Grid(["a"], [["a1", "a2"]], _ => null);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RootCauseSearch.Find(cube, RootCauseSettings.Default with { MaxCauses = 0 }));

        Assert.Equal("MaxCauses", error.ParamName);
    }

    private static IEnumerable<(Cause Outer, Cause Inner)> Pairs(IReadOnlyList<Cause> causes) =>
        causes.SelectMany((outer, i) => causes.Where((_, j) => j != i).Select(inner => (outer, inner)));

    [Fact]
    public void Find_WhenTwoNamesHoldTheSameLeaves_NamesTheRealValueNotTheMissingOne()
    {
        // Model decisions have no site: site=(none) and decided_by=automated are the same three leaves (one per
        // market), which rise 100 -> 150 while the six human leaves stay at 100. Both names carry the same evidence;
        // site comes first in the cube, so only the alias rule makes decided_by=automated the cause.
        var leaves = new List<(string[] Values, double Actual, double Expected)>();
        foreach (var market in (string[])["m1", "m2", "m3"])
        {
            leaves.Add((["(none)", "automated", market], 150, 100));
            leaves.Add((["s1", "human", market], 100, 100));
            leaves.Add((["s2", "human", market], 100, 100));
        }
        var cube = Cubes.Of(["site", "decided_by", "market"], [.. leaves]);

        var result = RootCauseSearch.Find(cube);

        Assert.Equal(["decided_by=automated"], Cubes.Labels(cube, result));
    }
}
