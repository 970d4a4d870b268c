using DuckDB.NET.Data;

namespace ModScope.Store;

/// <summary>
/// The one owner of a DuckDB store file in a process. <see cref="Open"/> holds it read-write (creating and migrating it);
/// <see cref="OpenReadOnly"/> holds it read-only, so several processes may read at once (DuckDB lets many read-only
/// processes, or one read-write process, hold a file); <see cref="OpenShared"/> is the running server's way: read-only
/// between writes, so other processes can read, and read-write only inside <see cref="WriteAsync{T}"/>.
/// <see cref="OpenConnection"/> hands out short-lived connections on the current database instance. Dispose closes the file.
/// </summary>
public sealed class ModScopeStore : IDisposable
{
    private readonly StoreGate _gate;

    private ModScopeStore(string path, StoreMode mode, StoreGate gate)
    {
        Path = path;
        Mode = mode;
        _gate = gate;
    }

    /// <summary>The store file, or <c>:memory:</c>.</summary>
    public string Path { get; }

    /// <summary>How this process holds the file.</summary>
    public StoreMode Mode { get; }

    /// <summary>True when <see cref="WriteAsync{T}"/> can write (read-write, or shared).</summary>
    public bool CanWrite => Mode != StoreMode.ReadOnly;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> read-write and migrates it.</summary>
    /// <exception cref="StoreException">The file is locked (<see cref="StoreLockedException"/>), damaged (or marked damaged, see <see cref="DamageMark"/>) or written by a newer ModScope.</exception>
    public static ModScopeStore Open(string path) => Create(path, StoreMode.ReadWrite, TimeSpan.Zero);

    /// <summary>
    /// Opens an existing store read-only, waiting up to <paramref name="wait"/> while another process writes it (a running
    /// server holds it read-write only while it writes). A store whose schema is older than this build is refused: a read
    /// cannot migrate it.
    /// </summary>
    public static ModScopeStore OpenReadOnly(string path, TimeSpan? wait = null) => Create(path, StoreMode.ReadOnly, wait ?? DefaultWait);

    /// <summary>
    /// Opens the store for a long-running single writer (the server): migrated read-write once, then held read-only; each
    /// <see cref="WriteAsync{T}"/> reopens it read-write, waiting up to <paramref name="wait"/> for other processes' reads.
    /// </summary>
    public static ModScopeStore OpenShared(string path, TimeSpan? wait = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path == ":memory:")
        {
            throw new ArgumentException("An in-memory store cannot be shared with other processes.", nameof(path));
        }
        // Migrate read-write only when needed: an up-to-date store is never held read-write at start, so a process that
        // already reads it (another dashboard host in the same test process, say) is not refused.
        if (!File.Exists(path) || (DamageMark.Reason(path) is null && RootOpener.ReadVersion(path, wait ?? DefaultWait) < Migrations.Latest))
        {
            Create(path, StoreMode.ReadWrite, wait ?? DefaultWait).Dispose();
        }
        return Create(path, StoreMode.Shared, wait ?? DefaultWait);
    }

    /// <summary>How long opening waits for another process's hold on the file by default (MODSCOPE_STORE_WAIT_SECONDS).</summary>
    public static TimeSpan DefaultWait =>
        int.TryParse(Environment.GetEnvironmentVariable("MODSCOPE_STORE_WAIT_SECONDS"), out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(60);

    /// <summary>A new connection on the same database, configured for UTC. The caller disposes it.</summary>
    public DuckDBConnection OpenConnection() => _gate.OpenConnection();

    /// <summary>
    /// Runs <paramref name="work"/> with the store writable, one writer at a time in this process. A shared store is reopened
    /// read-write for the work and read-only after it; a read-only store refuses.
    /// </summary>
    /// <exception cref="StoreException">The store was opened read-only, or another process held it for longer than the wait.</exception>
    public Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Mode == StoreMode.ReadOnly
            ? throw new StoreException($"Store '{Path}' is open read-only here; the running server (or a command without a server) writes it.")
            : _gate.WriteAsync(work, cancellationToken);
    }

    /// <summary>As <see cref="WriteAsync{T}"/>, for work with no result.</summary>
    public Task WriteAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync(async token =>
        {
            await work(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>The schema version recorded in the store.</summary>
    public int SchemaVersion()
    {
        using var connection = OpenConnection();
        return Migrator.CurrentVersion(connection);
    }

    public void Dispose() => _gate.Dispose();

    private static ModScopeStore Create(string path, StoreMode mode, TimeSpan wait)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (DamageMark.Reason(path) is { } damage)
        {
            throw StoreErrors.Damaged(path, damage);
        }
        if (path != ":memory:")
        {
            if (mode != StoreMode.ReadWrite && !File.Exists(path))
            {
                throw new StoreException($"Store '{path}' does not exist; run 'modscope ingest' or 'modscope demo' first.");
            }
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        return new ModScopeStore(path, mode, StoreGate.Start(path, mode, wait));
    }
}
