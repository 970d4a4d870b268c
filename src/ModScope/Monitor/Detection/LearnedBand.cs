namespace ModScope.Monitor.Detection;

/// <summary>
/// A band set by the series' own history rather than by the fixed z-score: its last <paramref name="Points"/>
/// residuals pass the band's edges with probability <paramref name="Risk"/> per point (see <see cref="TailLimit"/>).
/// </summary>
public sealed record LearnedBand(int Points, double Risk);
