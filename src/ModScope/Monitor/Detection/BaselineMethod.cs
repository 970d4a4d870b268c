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

    /// <summary>
    /// For a proportion with its trials: Σ successes / Σ trials of the last values (the pooled rate). A rate from a
    /// thin sample is lumpy (mostly near 0, sometimes high); its median sits below its mean, the pooled rate does not.
    /// </summary>
    Pooled,
}
