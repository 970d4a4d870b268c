using System.Numerics;
using System.Runtime.InteropServices;

namespace ModScope.Explain;

/// <summary>
/// A cube encoded for counting: each dimension's values as small integer codes, and for every cuboid of 1..depth
/// dimensions a dense group id per leaf. A cuboid's ids are derived from its parent's (the same dimensions without
/// the highest one) as parentGroup·cardinality + code, hashed into a dense range, so keys never overflow and each
/// cuboid costs one pass over the leaves.
/// </summary>
internal sealed class CubeIndex
{
    /// <summary>Leaves × cuboids above this (a group id each, 4 bytes) would take over a gigabyte.</summary>
    private const long MaxCells = 250_000_000;

    private readonly Dictionary<int, int> _byMask = [];

    private CubeIndex(Cube cube, int depth)
    {
        var leaves = cube.Leaves;
        LeafCount = leaves.Count;
        Dimensions = cube.Dimensions;
        Actual = new double[LeafCount];
        Expected = new double[LeafCount];
        for (var e = 0; e < LeafCount; e++)
        {
            Actual[e] = leaves[e].Actual;
            Expected[e] = leaves[e].Expected;
        }
        Codes = new int[Dimensions.Count][];
        Names = new string[Dimensions.Count][];
        for (var d = 0; d < Dimensions.Count; d++)
        {
            (Codes[d], Names[d]) = Encode(leaves, d);
        }
        Cuboids = BuildCuboids(depth);
        for (var k = 0; k < Cuboids.Count; k++)
        {
            _byMask[Cuboids[k].Mask] = k;
        }
        GroupCount = Cuboids.Count == 0 ? 0 : Cuboids[^1].Offset + Cuboids[^1].Groups;
        CuboidOf = new int[GroupCount];
        FirstLeaf = new int[GroupCount];
        for (var k = 0; k < Cuboids.Count; k++)
        {
            var c = Cuboids[k];
            CuboidOf.AsSpan(c.Offset, c.Groups).Fill(k);
            FirstLeaf.AsSpan(c.Offset, c.Groups).Fill(-1);
            for (var e = LeafCount - 1; e >= 0; e--)
            {
                FirstLeaf[c.GroupOf[e]] = e;
            }
        }
    }

    public int LeafCount { get; }
    public IReadOnlyList<string> Dimensions { get; }
    public double[] Actual { get; }
    public double[] Expected { get; }
    /// <summary>Codes[d][leaf]: the code of the leaf's value on dimension d.</summary>
    public int[][] Codes { get; }
    /// <summary>Names[d][code]: the value a code stands for.</summary>
    public string[][] Names { get; }
    /// <summary>Ordered by depth, so a parent comes before its children.</summary>
    public IReadOnlyList<Cuboid> Cuboids { get; }
    public int GroupCount { get; }
    public int[] CuboidOf { get; }
    /// <summary>A leaf of each group, whose values name the group's conjunction.</summary>
    public int[] FirstLeaf { get; }

    /// <summary>Indexes every cuboid of 1..<paramref name="depth"/> dimensions; refuses sizes that would not fit in memory.</summary>
    public static CubeIndex Build(Cube cube, int depth)
    {
        var cuboids = Masks(cube.Dimensions.Count, depth).LongCount();
        if (cuboids * cube.Leaves.Count > MaxCells)
        {
            throw new ArgumentException(
                $"{cube.Leaves.Count:N0} leaves × {cuboids:N0} cuboids (conjunctions of up to {depth} of {cube.Dimensions.Count} dimensions) is too large to index; " +
                "lower MaxDepth or drop dimensions.", nameof(cube));
        }
        return new CubeIndex(cube, depth);
    }

    public Cuboid CuboidOfGroup(int group) => Cuboids[CuboidOf[group]];

    /// <summary>The position in <see cref="Cuboids"/> of the cuboid over exactly the dimensions in <paramref name="mask"/>; −1 when not indexed.</summary>
    public int CuboidWithMask(int mask) => _byMask.GetValueOrDefault(mask, -1);

    /// <summary>The group's conjunction, in the cube's dimension order.</summary>
    public IReadOnlyDictionary<string, string> Conjunction(int group)
    {
        var mask = CuboidOfGroup(group).Mask;
        var leaf = FirstLeaf[group];
        var conjunction = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var d = 0; d < Dimensions.Count; d++)
        {
            if ((mask & (1 << d)) != 0)
            {
                conjunction[Dimensions[d]] = Names[d][Codes[d][leaf]];
            }
        }
        return conjunction;
    }

    /// <summary>True when group <paramref name="inner"/> lies within <paramref name="outer"/>: its conjunction contains the outer one's (or equals it).</summary>
    public bool Within(int inner, int outer)
    {
        var outerMask = CuboidOfGroup(outer).Mask;
        if ((CuboidOfGroup(inner).Mask & outerMask) != outerMask)
        {
            return false;
        }
        var (innerLeaf, outerLeaf) = (FirstLeaf[inner], FirstLeaf[outer]);
        for (var d = 0; d < Dimensions.Count; d++)
        {
            if ((outerMask & (1 << d)) != 0 && Codes[d][innerLeaf] != Codes[d][outerLeaf])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Every set of 1..depth of <paramref name="dimensions"/> dimensions as a bit mask, smaller sets first.</summary>
    private static IEnumerable<int> Masks(int dimensions, int depth)
    {
        var level = new List<int> { 0 };
        for (var size = 1; size <= depth; size++)
        {
            // Extend each mask of size − 1 by a dimension above its highest one: each set is made exactly once.
            level = level.SelectMany(m => Enumerable.Range(m == 0 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)m), dimensions)
                    .TakeWhile(d => d < dimensions).Select(d => m | (1 << d)))
                .ToList();
            foreach (var mask in level)
            {
                yield return mask;
            }
        }
    }

    private static (int[] Codes, string[] Names) Encode(IReadOnlyList<CubeLeaf> leaves, int d)
    {
        var codes = new int[leaves.Count];
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var e = 0; e < leaves.Count; e++)
        {
            ref var code = ref CollectionsMarshal.GetValueRefOrAddDefault(known, leaves[e].Values[d], out var exists);
            if (!exists)
            {
                code = known.Count - 1;
            }
            codes[e] = code;
        }
        var names = new string[known.Count];
        foreach (var (name, code) in known)
        {
            names[code] = name;
        }
        return (codes, names);
    }

    /// <summary>
    /// Numbers the groups of a cuboid densely from 0, from its parent's group and the added dimension's code, in order of first
    /// appearance: by a lookup table over parentGroup·cardinality + code while that key space stays small (a few times
    /// the leaves, the table reused across cuboids and cleared by its used keys), else by a dictionary.
    /// </summary>
    private int Number(Cuboid parent, int cardinality, int[] codes, int[] groupOf, ref int[]? slots)
    {
        var keys = (long)parent.Groups * cardinality;
        if (keys > Math.Max(1 << 16, 4L * LeafCount))
        {
            var dense = new Dictionary<long, int>();
            for (var e = 0; e < LeafCount; e++)
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(dense, ((long)(parent.GroupOf[e] - parent.Offset) * cardinality) + codes[e], out var exists);
                id = exists ? id : dense.Count - 1;
                groupOf[e] = id;
            }
            return dense.Count;
        }
        if (slots is null || slots.Length < keys)
        {
            slots = new int[Math.Max(keys, Math.Min(4L * LeafCount, int.MaxValue / 2))];
            Array.Fill(slots, -1);
        }
        var used = new List<int>();
        for (var e = 0; e < LeafCount; e++)
        {
            var key = ((parent.GroupOf[e] - parent.Offset) * cardinality) + codes[e];
            if (slots[key] < 0)
            {
                slots[key] = used.Count;
                used.Add(key);
            }
            groupOf[e] = slots[key];
        }
        foreach (var key in used)
        {
            slots[key] = -1;
        }
        return used.Count;
    }

    /// <summary>
    /// Numbers the groups of every cuboid, a depth at a time: the cuboids of one depth depend only on those of the depth
    /// before, so they are numbered side by side (each worker with its own lookup table), then laid out one after another.
    /// </summary>
    private List<Cuboid> BuildCuboids(int depth)
    {
        var cuboids = new List<Cuboid>();
        var byMask = new Dictionary<int, Cuboid>();
        var offset = 0;
        foreach (var level in Masks(Dimensions.Count, depth).GroupBy(m => BitOperations.PopCount((uint)m)))
        {
            var masks = level.ToArray();
            var numbered = new (int[] GroupOf, int Groups)[masks.Length];
            Parallel.For(0, masks.Length, () => (int[]?)null, (i, _, slots) =>
            {
                var mask = masks[i];
                var highest = 31 - BitOperations.LeadingZeroCount((uint)mask);
                var groupOf = new int[LeafCount];
                if (mask == 1 << highest)
                {
                    Array.Copy(Codes[highest], groupOf, LeafCount);
                    numbered[i] = (groupOf, Names[highest].Length);
                }
                else
                {
                    numbered[i] = (groupOf, Number(byMask[mask & ~(1 << highest)], Names[highest].Length, Codes[highest], groupOf, ref slots));
                }
                return slots;
            }, _ => { });
            for (var i = 0; i < masks.Length; i++)
            {
                var (groupOf, groups) = numbered[i];
                for (var e = 0; e < LeafCount; e++)
                {
                    groupOf[e] += offset;
                }
                var cuboid = new Cuboid(masks[i], level.Key, offset, groups, groupOf);
                cuboids.Add(cuboid);
                byMask[masks[i]] = cuboid;
                offset += groups;
            }
        }
        return cuboids;
    }
}
