namespace ModScope.Monitor.Detection;

/// <summary>Per-point verdicts in input order, the alerts they open, and what was found about the series.</summary>
public sealed record DetectionResult(
    IReadOnlyList<PointVerdict> Points,
    IReadOnlyList<AnomalyEpisode> Episodes,
    TimeSpan Interval,
    int? Period);
