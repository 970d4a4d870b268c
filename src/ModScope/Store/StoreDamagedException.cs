namespace ModScope.Store;

/// <summary>
/// The store file is damaged (a block whose checksum does not match), or was found damaged before and has not passed
/// <c>modscope check</c> since: nothing more is written to it.
/// </summary>
public sealed class StoreDamagedException : StoreException
{
    public StoreDamagedException(string message) : base(message) { }
    public StoreDamagedException(string message, Exception inner) : base(message, inner) { }
    public StoreDamagedException() { }
}
