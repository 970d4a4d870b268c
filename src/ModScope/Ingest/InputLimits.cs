namespace ModScope.Ingest;

/// <summary>
/// Limits on a file's header, checked before DuckDB reads the file (a table has at most 16 columns, so these only
/// stop files that are not event files at all from costing minutes): a file over either is quarantined whole.
/// </summary>
internal static class InputLimits
{
    /// <summary>The longest CSV header line read.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>The most columns a CSV header or Parquet schema may have.</summary>
    public const int MaxColumns = 1_000;
}
