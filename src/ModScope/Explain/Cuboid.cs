namespace ModScope.Explain;

/// <summary>
/// One set of dimensions (a bit mask) and, for every leaf, the group of leaves sharing its values on them.
/// Group ids are global across cuboids: this cuboid's groups are <see cref="Offset"/> .. Offset + Groups − 1.
/// </summary>
internal sealed record Cuboid(int Mask, int Depth, int Offset, int Groups, int[] GroupOf);
