namespace ModScope.Monitor.Quality;

/// <summary>
/// The seasonal volume baseline (shared DOMAIN.md 1.10): a day's count against the same weekday over the trailing
/// weeks, as a robust z-score of log counts (median and MAD). A day is flagged when both the z-score and the
/// relative change are beyond their limits.
/// </summary>
public sealed record VolumeSettings
{
    /// <summary>Same-weekday days in the baseline (at most).</summary>
    public int BaselineWeeks { get; init; } = 8;

    /// <summary>Fewer same-weekday days than this (a new site, a new source) and the day is not judged.</summary>
    public int MinBaselineWeeks { get; init; } = 4;

    /// <summary>|robust z| above this is unusual.</summary>
    public double RobustZ { get; init; } = 4;

    /// <summary>|robust z| above this (or no rows at all) is critical.</summary>
    public double CriticalZ { get; init; } = 8;

    /// <summary>|observed / expected − 1| above this is a large enough change to report.</summary>
    public double RelativeChange { get; init; } = 0.5;

    /// <summary>Segments whose expected count is below this are too small to judge.</summary>
    public double MinExpectedRows { get; init; } = 20;

    /// <summary>The smallest spread (1.4826 × MAD of log counts) used, so a perfectly steady series is not infinitely sensitive.</summary>
    public double MinSpread { get; init; } = 0.1;
}
