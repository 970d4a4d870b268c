namespace ModScope.Engines;

/// <summary>
/// A value read from the store again only when the store's version moved since the last read. The caller reads the
/// version before the value (it passes the version in), so a write committing in between costs one more read, never a
/// stale value kept. Concurrent callers after a move may both read; each keeps a value of the version it read.
/// </summary>
internal sealed class VersionedValue<TVersion, T>
{
    private Snapshot? _snapshot;
    private int _reads;

    private sealed record Snapshot(TVersion Version, T Value);

    /// <summary>How many times the value was read (tests: requests between two versions must not read it again).</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>The value kept for <paramref name="version"/>, or <paramref name="read"/>'s, then kept.</summary>
    public T Get(TVersion version, Func<T> read)
    {
        if (Volatile.Read(ref _snapshot) is { } known && EqualityComparer<TVersion>.Default.Equals(known.Version, version))
        {
            return known.Value;
        }
        var value = read();
        Interlocked.Increment(ref _reads);
        Volatile.Write(ref _snapshot, new Snapshot(version, value));
        return value;
    }
}
