using ModScope.Common;

namespace ModScope.Store;

/// <summary>The store file cannot be opened or migrated (a damaged file, a newer schema, a locked file).</summary>
public sealed class StoreException : ModScopeException
{
    public StoreException(string message) : base(message) { }
    public StoreException(string message, Exception inner) : base(message, inner) { }
    public StoreException() { }
}
