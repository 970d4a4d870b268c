namespace ModScope.Monitor.Alerts;

/// <summary>
/// An alert as stored: the latest <see cref="Finding"/> of its anomaly (its explanation is JSON, see
/// <c>AlertExplanation</c>) with the lifecycle and feedback around it. <see cref="SuppressedBy"/> is the ID of the
/// data alert that explains it, or of the broader alert of the same anomaly that holds it (the finding's own <see cref="AlertFinding.SuppressedBy"/> is only used while storing).
/// </summary>
public sealed record Alert(
    long Id,
    AlertFinding Finding,
    AlertStatus Status,
    DateOnly? SnoozedUntil,
    bool Restated,
    long? SuppressedBy,
    AlertLabel? Label,
    DateTime UpdatedAt)
{
    /// <summary>When a monitor run first stored the alert (UTC; null for an alert not read from the store).</summary>
    public DateTime? CreatedAt { get; init; }

    /// <summary>Open means someone should look at it: new or acknowledged, or snoozed past its date.</summary>
    public bool IsOpen(DateOnly today) =>
        Status is AlertStatus.New or AlertStatus.Acknowledged || (Status == AlertStatus.Snoozed && SnoozedUntil < today);
}
