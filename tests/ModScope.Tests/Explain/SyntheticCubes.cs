using ModScope.Explain;

namespace ModScope.Tests.Explain;

/// <summary>
/// Seeded cubes with known causes, written plainly and independently of the search: random cardinalities, a random
/// share of the full grid kept as leaves, expected values from a lognormal, actual = expected·(1 + noise·N(0, 1)), then
/// 1..maxCauses disjoint, non-nested causes at depths 1..3, each multiplying its leaves by one shared ratio (times
/// 1 + causeSpread·N(0, 1) per leaf, when the leaves of a cause should not move in perfect step).
/// </summary>
public static class SyntheticCubes
{
    public static InjectedCube Generate(int seed, int dimensions = 4, double noise = 0.02, double density = 0.8,
        int maxCauses = 3, int minCardinality = 3, int maxCardinality = 8, double causeSpread = 0)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, dimensions).Select(d => ((char)('a' + d)).ToString()).ToArray();
        var cardinality = names.Select(_ => random.Next(minCardinality, maxCardinality + 1)).ToArray();
        var grid = cardinality.Aggregate(1L, (p, c) => p * c);
        var leaves = new List<(int[] Codes, double Expected, double Actual)>();
        for (var i = 0L; i < grid; i++)
        {
            if (random.NextDouble() >= density)
            {
                continue;
            }
            var codes = new int[dimensions];
            var rest = i;
            for (var d = 0; d < dimensions; d++)
            {
                codes[d] = (int)(rest % cardinality[d]);
                rest /= cardinality[d];
            }
            var expected = Math.Exp(4 + Gaussian(random));
            leaves.Add((codes, expected, expected * (1 + (noise * Gaussian(random)))));
        }

        var causes = new List<(int Mask, int[] Codes)>();
        var ratios = new List<double>();
        var taken = new bool[leaves.Count];
        var count = random.Next(1, maxCauses + 1);
        for (var attempt = 0; causes.Count < count && attempt < 1000; attempt++)
        {
            var depth = random.Next(1, Math.Min(3, dimensions) + 1);
            var dims = Enumerable.Range(0, dimensions).OrderBy(_ => random.Next()).Take(depth).ToArray();
            var mask = dims.Sum(d => 1 << d);
            var anchor = leaves[random.Next(leaves.Count)].Codes;
            var under = Enumerable.Range(0, leaves.Count).Where(e => dims.All(d => leaves[e].Codes[d] == anchor[d])).ToList();
            if (under.Count < 2 || under.Any(e => taken[e]) || causes.Any(c => Nested(c.Mask, c.Codes, mask, anchor)))
            {
                continue;
            }
            var ratio = random.NextDouble() < 0.5 ? 0.3 + (0.4 * random.NextDouble()) : 1.4 + (0.6 * random.NextDouble());
            foreach (var e in under)
            {
                taken[e] = true;
                leaves[e] = leaves[e] with { Actual = leaves[e].Actual * ratio * (1 + (causeSpread * Gaussian(random))) };
            }
            causes.Add((mask, anchor));
            ratios.Add(ratio);
        }

        var cube = new Cube(names, leaves.Select(l => new CubeLeaf(
            l.Codes.Select((c, d) => $"{names[d]}{c + 1}").ToArray(), l.Actual, l.Expected)).ToList());
        var labels = causes.Select(c => string.Join("&", Enumerable.Range(0, dimensions)
            .Where(d => (c.Mask & (1 << d)) != 0).Select(d => $"{names[d]}={names[d]}{c.Codes[d] + 1}"))).ToList();
        return new InjectedCube(cube, labels, ratios);
    }

    /// <summary>"a=a1&amp;b=b2" for a found cause, in the cube's dimension order.</summary>
    public static string Label(Cube cube, IReadOnlyDictionary<string, string> conjunction) =>
        string.Join("&", cube.Dimensions.Where(conjunction.ContainsKey).Select(d => $"{d}={conjunction[d]}"));

    private static bool Nested(int maskA, int[] codesA, int maskB, int[] codesB)
    {
        var common = maskA & maskB;
        return (common == maskA || common == maskB)
            && Enumerable.Range(0, codesA.Length).All(d => (common & (1 << d)) == 0 || codesA[d] == codesB[d]);
    }

    /// <summary>Standard normal draw (Box–Muller).</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
