namespace ModScope.Ingest;

/// <summary>Files of one table, format and shape, loaded together; <see cref="FileIds"/> parallels <see cref="Files"/>.</summary>
internal sealed record FileBatch(IReadOnlyList<InputFile> Files, IReadOnlyList<long> FileIds, FileShape Shape)
{
    public InputFile First => Files[0];
}
