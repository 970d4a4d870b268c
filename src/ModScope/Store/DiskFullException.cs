namespace ModScope.Store;

/// <summary>A write ran out of disk space; the message says "disk full at" the folder that filled up.</summary>
public sealed class DiskFullException : StoreException
{
    public DiskFullException(string message) : base(message) { }
    public DiskFullException(string message, Exception inner) : base(message, inner) { }
    public DiskFullException() { }

    /// <summary>The folder whose disk filled up.</summary>
    public string? Folder { get; init; }
}
