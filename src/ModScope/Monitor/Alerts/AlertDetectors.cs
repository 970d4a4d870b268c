namespace ModScope.Monitor.Alerts;

/// <summary>
/// The names of what raised an alert (<see cref="AlertFinding.Detector"/>), stored with it and shown in the detectors'
/// accuracy table: one home for the finders that write them and the store that tells them apart. A data check's
/// alert carries its check's name instead.
/// </summary>
public static class AlertDetectors
{
    /// <summary>A spike against the seasonal baseline (robust z-score) of the series detector.</summary>
    public const string SeasonalRobustZ = "seasonal_robust_z";

    /// <summary>A sustained level shift (CUSUM) of the series detector.</summary>
    public const string CusumLevelShift = "cusum_level_shift";

    /// <summary>A segment's streak of missed weekly targets; kept apart from the series detector's alerts of the same metric and segment.</summary>
    public const string Target = "target";

    /// <summary>A delivery the outbox gave up on.</summary>
    public const string Delivery = "delivery";
}
