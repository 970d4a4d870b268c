using ModScope.Common;

namespace ModScope.Ingest;

/// <summary>
/// The input as a whole cannot be loaded: a missing or unreadable file, an unknown table or format,
/// or (with <c>--strict</c>) a file with bad rows. Nothing was written to the store.
/// </summary>
public sealed class IngestException : ModScopeException
{
    public IngestException(string message) : base(message) { }
    public IngestException(string message, Exception inner) : base(message, inner) { }
    public IngestException() { }
}
