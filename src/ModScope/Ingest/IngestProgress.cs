namespace ModScope.Ingest;

/// <summary>Progress of a load, reported after each file.</summary>
public sealed record IngestProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal, string CurrentFile);
