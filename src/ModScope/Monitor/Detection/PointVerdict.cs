namespace ModScope.Monitor.Detection;

/// <summary>
/// How one point was judged. <see cref="Score"/> in [0, 1] is the point's own evidence (0.5 = at the alert
/// threshold); <see cref="AlertStart"/> is true only where an alert opens, so an ongoing anomaly is one alert;
/// <see cref="InAlert"/> marks every point of an open alert. Unjudged points (warm-up, missing values) score 0.
/// </summary>
public readonly record struct PointVerdict(
    DateTime Time,
    double Value,
    double Expected,
    double Lower,
    double Upper,
    double Score,
    double Z,
    bool Judged,
    bool AlertStart,
    bool InAlert,
    bool KnownEvent);
