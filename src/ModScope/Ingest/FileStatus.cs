namespace ModScope.Ingest;

/// <summary>What a load did with one file.</summary>
public enum FileStatus
{
    /// <summary>Read and loaded (some rows may be quarantined).</summary>
    Loaded,
    /// <summary>The same bytes were loaded before (or earlier in this load): nothing changed.</summary>
    AlreadyLoaded,
    /// <summary>The file could not be mapped to its table (empty, wrong header): every row quarantined.</summary>
    Rejected,
}
