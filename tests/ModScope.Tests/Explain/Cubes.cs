using ModScope.Explain;

namespace ModScope.Tests.Explain;

/// <summary>Small hand-made cubes: a leaf per row of (values, actual, expected).</summary>
public static class Cubes
{
    public static Cube Of(string[] dimensions, params (string[] Values, double Actual, double Expected)[] leaves) =>
        new(dimensions, leaves.Select(l => new CubeLeaf(l.Values, l.Actual, l.Expected)).ToList());

    /// <summary>Every combination of the given values, expected 100 each, actual from <paramref name="actual"/> (100 when null).</summary>
    public static Cube Grid(string[] dimensions, string[][] values, Func<string[], double?> actual)
    {
        IEnumerable<string[]> rows = [[]];
        foreach (var dimension in values)
        {
            rows = rows.SelectMany(r => dimension.Select(v => r.Append(v).ToArray())).ToList();
        }
        return new Cube(dimensions, rows.Select(r => new CubeLeaf(r, actual(r) ?? 100, 100)).ToList());
    }

    /// <summary>"a=a1&amp;b=b2" for each cause, in result order.</summary>
    public static IReadOnlyList<string> Labels(Cube cube, RootCauseResult result) =>
        result.Causes.Select(c => SyntheticCubes.Label(cube, c.Conjunction)).ToList();
}
