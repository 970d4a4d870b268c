namespace ModScope.Monitor.Quality;

/// <summary>Rejected rows per file loaded in the judged days (rows waiting for their decision are not rejected).</summary>
public sealed record QuarantineSettings
{
    /// <summary>A file whose rejected share of rows read is above this is a finding.</summary>
    public double MaxRate { get; init; } = 0.01;

    /// <summary>A rejected share at or above this is critical.</summary>
    public double CriticalRate { get; init; } = 0.1;
}
