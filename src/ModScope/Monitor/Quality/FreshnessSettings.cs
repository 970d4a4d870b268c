namespace ModScope.Monitor.Quality;

/// <summary>How old the newest event of a source (and of an active site) may be at the end of the as-of day.</summary>
public sealed record FreshnessSettings
{
    /// <summary>Hours per event table; a lag above is a finding, and the same hours set the watermark.</summary>
    public IReadOnlyDictionary<string, double> MaxLagHours { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["decisions"] = 36,
        ["qa_audits"] = 72,
        ["appeals"] = 72,
        ["staffing"] = 48,
    };

    /// <summary>A site is checked when it took a decision in this many days up to the as-of day.</summary>
    public int SiteActiveDays { get; init; } = 14;

    /// <summary>A lag this many times the threshold is critical.</summary>
    public double CriticalFactor { get; init; } = 2;

    /// <summary>
    /// The last complete day of <paramref name="table"/> when its newest event fell on <paramref name="newestDay"/>: the
    /// days within its threshold may still receive rows (decisions, 36 hours: two days before the newest).
    /// </summary>
    public DateOnly CompleteThrough(string table, DateOnly newestDay) => newestDay.AddDays(-(int)Math.Ceiling(HoursFor(table) / 24));

    /// <summary>The threshold for <paramref name="table"/> (the decisions threshold for a table not listed).</summary>
    public double HoursFor(string table) =>
        MaxLagHours.TryGetValue(table, out var hours) ? hours : MaxLagHours.GetValueOrDefault("decisions", 36);
}
