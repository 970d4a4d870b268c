namespace ModScope.Monitor.Quality;

/// <summary>
/// Thresholds of the data-quality checks. <c>new QualitySettings()</c> is the documented default
/// (<c>catalog/monitors.yaml</c> lists the same values); a file only needs the keys it changes.
/// </summary>
public sealed record QualitySettings
{
    /// <summary>Days judged up to the as-of day by the volume, redelivery, quarantine and late-arrival checks.</summary>
    public int Days { get; init; } = 14;

    public FreshnessSettings Freshness { get; init; } = new();

    public VolumeSettings Volume { get; init; } = new();

    public NullRateSettings NullRate { get; init; } = new();

    public DuplicateSettings Duplicates { get; init; } = new();

    public OrphanSettings Orphans { get; init; } = new();

    public QuarantineSettings Quarantine { get; init; } = new();

    public LateArrivalSettings LateArrival { get; init; } = new();

    /// <summary>The catalogue's reporting currency: a cost in another currency needs an exchange rate (<see cref="MissingRateCheck"/>).</summary>
    public string ReportingCurrency { get; init; } = "USD";
}
