namespace ModScope.Monitor.Quality;

/// <summary>Rows loaded long after they happened, per source and load day.</summary>
public sealed record LateArrivalSettings
{
    /// <summary>A row is late when its event day is more than this many days before the day its file was loaded.</summary>
    public int MaxDelayDays { get; init; } = 2;

    /// <summary>A load day whose late share of the source's rows is above this is a finding.</summary>
    public double MaxShare { get; init; } = 0.05;

    /// <summary>A late share at or above this is critical.</summary>
    public double CriticalShare { get; init; } = 0.5;
}
