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

    /// <summary>How a resolved alert was resolved (<c>manual</c>, <c>auto</c> when its series stayed inside its band, <c>restated</c>), else null.</summary>
    public string? Resolution { get; init; }

    /// <summary>When it was resolved (UTC), or null.</summary>
    public DateTime? ResolvedAt { get; init; }

    /// <summary>
    /// Open means someone should look at it: new or acknowledged, the one meaning everywhere (CLI, dashboard, reports).
    /// A snooze that ended before <paramref name="today"/> counts as acknowledged: the next monitor run records it so
    /// (<see cref="AlertLifecycle"/>), and readers that cannot write see the same answer meanwhile.
    /// </summary>
    public bool IsOpen(DateOnly today) =>
        Status is AlertStatus.New or AlertStatus.Acknowledged || (Status == AlertStatus.Snoozed && SnoozedUntil < today);
}
