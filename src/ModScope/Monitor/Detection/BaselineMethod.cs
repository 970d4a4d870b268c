namespace ModScope.Monitor.Detection;

/// <summary>Which of the detector's expectations predicted a point (the one with the smallest recent error).</summary>
public enum BaselineMethod
{
    /// <summary>Median of the same slot in past seasons, corrected by the recent level.</summary>
    Seasonal,

    /// <summary>Median of the last values (a stable level).</summary>
    Level,

    /// <summary>Median of the last three values (a wandering level, where only the recent past predicts).</summary>
    Recent,
}
