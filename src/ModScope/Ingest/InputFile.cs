using ModScope.Model;

namespace ModScope.Ingest;

/// <summary>A file to load: where it is, which table it feeds, how to read it, and its size when resolved.</summary>
public sealed record InputFile(string Path, TableSchema Table, InputFormat Format, long Bytes)
{
    public string Name => System.IO.Path.GetFileName(Path);
}
