namespace ModScope.Monitor.Quality;

/// <summary>The unit of a finding's observed, expected and threshold values.</summary>
public enum QualityUnit
{
    /// <summary>Hours (freshness lag).</summary>
    Hours,

    /// <summary>Days (age of a pending row).</summary>
    Days,

    /// <summary>A count of rows (or of keys).</summary>
    Rows,

    /// <summary>A share between 0 and 1 (null rate, quarantine rate, late share, replaced share).</summary>
    Share,
}
