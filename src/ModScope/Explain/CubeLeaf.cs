namespace ModScope.Explain;

/// <summary>One cell of a cube at full detail: a value per dimension, what happened and what was expected.</summary>
/// <param name="Values">One value per cube dimension, in the cube's dimension order.</param>
/// <param name="Actual">The observed value (e.g. decisions in the hour just gone).</param>
/// <param name="Expected">The forecast or baseline value for the same cell.</param>
public sealed record CubeLeaf(string[] Values, double Actual, double Expected);
