namespace ModScope.Synthetic;

/// <summary>Writes one table-day file in one format.</summary>
internal interface ITableWriter
{
    /// <summary>File extension without the dot.</summary>
    string Extension { get; }

    Task WriteAsync(string path, TableBatch batch, CancellationToken cancellationToken);
}
