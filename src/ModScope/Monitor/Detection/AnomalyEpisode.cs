namespace ModScope.Monitor.Detection;

/// <summary>
/// One alert's worth of anomaly: from the point that opened it to the last anomalous point before it calmed down.
/// Indices are positions in the input. <see cref="Impact"/> is Σ(value − expected) over the episode (for a count,
/// the decisions it added or lost); <see cref="Baseline"/> says how the expected value at the start was computed.
/// </summary>
public sealed record AnomalyEpisode(
    int StartIndex,
    int EndIndex,
    DateTime Start,
    DateTime End,
    AnomalyKind Kind,
    int Direction,
    double PeakScore,
    double Impact,
    double ExpectedTotal,
    BaselineNote Baseline)
{
    /// <summary>Impact relative to what was expected over the episode (NaN when nothing was expected).</summary>
    public double RelativeImpact => ExpectedTotal == 0.0 ? double.NaN : Impact / Math.Abs(ExpectedTotal);
}
