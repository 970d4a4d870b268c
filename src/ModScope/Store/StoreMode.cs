namespace ModScope.Store;

/// <summary>How a process holds a store file (see <see cref="ModScopeStore"/>).</summary>
public enum StoreMode
{
    /// <summary>Read-write for as long as it is open: no other process can open the file meanwhile.</summary>
    ReadWrite,

    /// <summary>Read-only: other read-only processes may read at the same time; writes are refused.</summary>
    ReadOnly,

    /// <summary>Read-only between writes, read-write inside <see cref="ModScopeStore.WriteAsync{T}"/> (the running server).</summary>
    Shared,
}
