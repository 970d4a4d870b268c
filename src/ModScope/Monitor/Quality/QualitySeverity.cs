namespace ModScope.Monitor.Quality;

/// <summary>How urgent a finding is.</summary>
public enum QualitySeverity
{
    /// <summary>Worth a look; numbers built on the data may be off.</summary>
    Warning,

    /// <summary>Numbers built on the data are wrong until it is fixed.</summary>
    Critical,
}
