namespace ModScope.Synthetic;

/// <summary>The file format the generator writes each table-day in.</summary>
public enum OutputFormat
{
    /// <summary>RFC 4180 CSV with a header row, '\n' line ends, UTF-8 without BOM.</summary>
    Csv,

    /// <summary>Apache Parquet; timestamps are UTC-adjusted (DuckDB reads TIMESTAMP WITH TIME ZONE).</summary>
    Parquet,

    /// <summary>One JSON object per line, keys are the column names, null for empty values.</summary>
    Jsonl,
}
