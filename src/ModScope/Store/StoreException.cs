using ModScope.Common;

namespace ModScope.Store;

/// <summary>
/// The store file cannot be opened, migrated or written (a damaged file, a newer schema, a locked file, a full disk).
/// Not sealed: <see cref="DiskFullException"/> and <see cref="StoreDamagedException"/> say which.
/// </summary>
public class StoreException : ModScopeException
{
    public StoreException(string message) : base(message) { }
    public StoreException(string message, Exception inner) : base(message, inner) { }
    public StoreException() { }
}
