using ModScope.Model;

namespace ModScope.Ingest;

/// <summary>A file to load: where it is, which table it feeds, how to read it, and its size when resolved.</summary>
public sealed record InputFile(string Path, TableSchema Table, InputFormat Format, long Bytes)
{
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>
    /// The path DuckDB reads: <see cref="Path"/> itself, or a link or normalised copy of it with a plain name
    /// (DuckDB takes <c>*</c>, <c>?</c> and <c>[...]</c> in a path as a pattern; see <see cref="LiteralPaths"/>).
    /// </summary>
    public string ReadPath { get; init; } = Path;
}
