namespace ModScope.Explain;

/// <summary>A cause <see cref="RippleSearch"/> chose: its group in the <see cref="CubeIndex"/> and its numbers.</summary>
/// <param name="Explained">The plain L1 error Σ|a − p| it removed when chosen (plus that of sub-causes it absorbed).</param>
internal sealed record Selection(int Group, double Explained, double Actual, double Expected, int Leaves, int AnomalousLeaves);
