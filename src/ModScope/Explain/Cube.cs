using System.Globalization;

namespace ModScope.Explain;

/// <summary>
/// A multi-dimensional cube of leaves, each with an actual and an expected value. Validated on construction:
/// unique dimension names, one non-null value per dimension in every leaf, finite numbers.
/// </summary>
public sealed record Cube
{
    public Cube(IReadOnlyList<string> dimensions, IReadOnlyList<CubeLeaf> leaves)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(leaves);
        if (dimensions.Count == 0)
        {
            throw new ArgumentException("A cube needs at least one dimension.", nameof(dimensions));
        }
        if (dimensions.Count > 30)
        {
            throw new ArgumentException($"A cube has at most 30 dimensions; this one has {dimensions.Count}.", nameof(dimensions));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < dimensions.Count; d++)
        {
            if (string.IsNullOrEmpty(dimensions[d]))
            {
                throw new ArgumentException($"Dimension {d} has no name; every dimension needs a non-empty name.", nameof(dimensions));
            }
            if (!seen.Add(dimensions[d]))
            {
                throw new ArgumentException($"Dimension '{dimensions[d]}' appears twice; dimension names must be unique.", nameof(dimensions));
            }
        }
        for (var i = 0; i < leaves.Count; i++)
        {
            if (Problem(i, leaves[i], dimensions) is { } problem)
            {
                throw new ArgumentException(problem, nameof(leaves));
            }
        }
        Dimensions = dimensions;
        Leaves = leaves;
    }

    /// <summary>Dimension names; every leaf has one value per name, in this order.</summary>
    public IReadOnlyList<string> Dimensions { get; }

    public IReadOnlyList<CubeLeaf> Leaves { get; }

    /// <summary>What is wrong with a leaf, naming its index and field; null when nothing is.</summary>
    private static string? Problem(int index, CubeLeaf? leaf, IReadOnlyList<string> dimensions)
    {
        if (leaf is null)
        {
            return $"Leaf {index} is null.";
        }
        if (leaf.Values is null || leaf.Values.Length != dimensions.Count)
        {
            return $"Leaf {index}, field Values: has {leaf.Values?.Length ?? 0} values but the cube has {dimensions.Count} dimensions ({string.Join(", ", dimensions)}).";
        }
        for (var d = 0; d < dimensions.Count; d++)
        {
            if (leaf.Values[d] is null)
            {
                return $"Leaf {index}, field Values: the value of dimension '{dimensions[d]}' is null.";
            }
        }
        return !double.IsFinite(leaf.Actual) ? $"Leaf {index}, field Actual: {Invariant(leaf.Actual)} is not a finite number."
            : !double.IsFinite(leaf.Expected) ? $"Leaf {index}, field Expected: {Invariant(leaf.Expected)} is not a finite number."
            : null;
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
