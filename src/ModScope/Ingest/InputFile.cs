using ModScope.Model;

namespace ModScope.Ingest;

/// <summary>A file to load: where it is, which table it feeds, and how to read it.</summary>
public sealed record InputFile(string Path, TableSchema Table, InputFormat Format)
{
    public string Name => System.IO.Path.GetFileName(Path);
}
