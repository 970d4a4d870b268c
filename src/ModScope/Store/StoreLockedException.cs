namespace ModScope.Store;

/// <summary>Another process held the store file for longer than this one would wait (a write in progress, or readers).</summary>
public sealed class StoreLockedException : StoreException
{
    public StoreLockedException(string message) : base(message) { }
    public StoreLockedException(string message, Exception inner) : base(message, inner) { }
    public StoreLockedException() { }
}
