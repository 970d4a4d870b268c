namespace ModScope.Explain;

/// <summary>A cause <see cref="CauseSearch"/> chose: its group in the <see cref="CubeIndex"/> and its numbers.</summary>
/// <param name="Direction">+1 when its leaves moved up, −1 when down.</param>
/// <param name="Evidence">The log likelihood ratio that it moved, over the leaves still unexplained when it was chosen.</param>
/// <param name="Explained">Σ|a − f| over the leaves it explained (plus those of sub-causes it absorbed).</param>
internal sealed record Selection(int Group, int Direction, double Evidence, double Explained, double Actual, double Expected, int Leaves, int AnomalousLeaves);
