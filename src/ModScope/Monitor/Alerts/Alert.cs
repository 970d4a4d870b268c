namespace ModScope.Monitor.Alerts;

/// <summary>An alert as stored, with its lifecycle, feedback and explanation (JSON, see <c>AlertExplanation</c>).</summary>
public sealed record Alert(
    long Id,
    AlertKind Kind,
    string Subject,
    string Segment,
    DateOnly FirstDay,
    DateOnly LastDay,
    AlertStatus Status,
    DateOnly? SnoozedUntil,
    AlertSeverity Severity,
    int Direction,
    double Score,
    string Detector,
    string Message,
    bool Restated,
    long? SuppressedBy,
    AlertLabel? Label,
    DateTime UpdatedAt)
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

    /// <summary>Open means someone should look at it: new or acknowledged, or snoozed past its date.</summary>
    public bool IsOpen(DateOnly today) =>
        Status is AlertStatus.New or AlertStatus.Acknowledged || (Status == AlertStatus.Snoozed && SnoozedUntil < today);
}
