namespace ModScope.Synthetic;

/// <summary>Chooses the writer for an output format.</summary>
internal static class TableWriters
{
    public static ITableWriter For(OutputFormat format) => format switch
    {
        OutputFormat.Csv => new CsvTableWriter(),
        OutputFormat.Parquet => new ParquetTableWriter(),
        OutputFormat.Jsonl => new JsonlTableWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Output format must be Csv, Parquet or Jsonl."),
    };
}
