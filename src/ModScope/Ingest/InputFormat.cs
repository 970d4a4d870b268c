namespace ModScope.Ingest;

/// <summary>File formats ModScope reads, chosen by extension.</summary>
public enum InputFormat
{
    Csv,
    Parquet,
    Jsonl,
}
