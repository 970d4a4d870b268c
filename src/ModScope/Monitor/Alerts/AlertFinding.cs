using ModScope.Monitor.Findings;

namespace ModScope.Monitor.Alerts;

/// <summary>
/// What one monitor run found for one series or data check: the store turns it into a new alert or updates the
/// open alert of the same ongoing anomaly. <see cref="Subject"/> is a metric id or a data-check name;
/// <see cref="Segment"/> a canonical <c>dimension=value;…</c> string (empty for the total). <see cref="Message"/> is the
/// English sentence stored with it (what older readers and alerts without <see cref="Facts"/> show).
/// </summary>
public sealed record AlertFinding(
    AlertKind Kind,
    string Subject,
    string Segment,
    DateOnly FirstDay,
    DateOnly LastDay,
    AlertSeverity Severity,
    int Direction,
    double Score,
    string Detector,
    string Message)
{
    public double? Value { get; init; }
    public double? Expected { get; init; }
    public double? Lower { get; init; }
    public double? Upper { get; init; }
    public double? Impact { get; init; }
    public double? RelativeImpact { get; init; }
    public string? Baseline { get; init; }
    public string? Event { get; init; }
    public string? Explanation { get; init; }

    /// <summary>The finding as structure, rendered per language by <see cref="FindingRenderer"/>; null for alerts stored before it (they show <see cref="Message"/>).</summary>
    public FindingFacts? Facts { get; init; }

    /// <summary>Set when a data alert explains this metric alert (it is stored as suppressed, pointing at it).</summary>
    public AlertFinding? SuppressedBy { get; init; }

    /// <summary>Ranking: severity first, then the size of the move weighted by how sure the detector is.</summary>
    public double Rank => (Severity == AlertSeverity.Critical ? 10.0 : 0.0) + (Score * Math.Min(1.0, Math.Abs(RelativeImpact ?? 0.0)));
}
