namespace ModScope.Ingest;

/// <summary>
/// Files of one table, format and shape, loaded together; <see cref="FileIds"/> and <see cref="Digests"/>
/// (each file's line count, null when unknown, and UTF-8 validity) parallel <see cref="Files"/>.
/// </summary>
internal sealed record FileBatch(IReadOnlyList<InputFile> Files, IReadOnlyList<long> FileIds, IReadOnlyList<FileDigest> Digests, FileShape Shape)
{
    public InputFile First => Files[0];

    public IEnumerable<long?> Lines => Digests.Select(d => d.Lines);

    /// <summary>Every file of the batch is valid UTF-8 (checked while hashing).</summary>
    public bool ValidUtf8 => Digests.All(d => d.ValidUtf8);

    /// <summary>
    /// SQL true for a stored row of this batch, given its file id column. The range lets DuckDB skip row groups
    /// of earlier loads by their min/max.
    /// </summary>
    public string Holds(string fileIdColumn) =>
        $"({fileIdColumn} BETWEEN {FileIds.Min()} AND {FileIds.Max()} AND {fileIdColumn} IN ({IdList[1..^1]}))";

    /// <summary>The file ids as a DuckDB list literal, indexed by <c>__file + 1</c>.</summary>
    public string IdList => "[" + string.Join(", ", FileIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
