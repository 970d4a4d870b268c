using DuckDB.NET.Data;

namespace ModScope.Store;

/// <summary>
/// Holds a store's database instance and hands out connections on it. For a shared store it is also the write gate:
/// a write waits for the connections in use to close, reopens the file read-write, runs, and reopens it read-only, so
/// other processes can read between writes. Connections asked for while the file is being reopened wait for it.
/// </summary>
internal sealed class StoreGate : IDisposable
{
    private readonly object _sync = new();
    private readonly SemaphoreSlim _writers = new(1, 1);
    private readonly string _path;
    private readonly StoreMode _mode;
    private readonly TimeSpan _wait;
    private DuckDBConnection _root;
    private bool _switching;
    private bool _disposed;
    private int _active;

    private StoreGate(string path, StoreMode mode, TimeSpan wait, DuckDBConnection root)
    {
        _path = path;
        _mode = mode;
        _wait = wait;
        _root = root;
    }

    public static StoreGate Start(string path, StoreMode mode, TimeSpan wait) =>
        new(path, mode, wait, RootOpener.Open(path, mode == StoreMode.ReadWrite, wait));

    public DuckDBConnection OpenConnection()
    {
        DuckDBConnection connection;
        lock (_sync)
        {
            while (_switching)
            {
                System.Threading.Monitor.Wait(_sync);
            }
            ObjectDisposedException.ThrowIf(_disposed, this);
            // DuckDB.NET shares one database instance between connections to the same file in a process
            // (and Duplicate() does the same for in-memory stores).
            if (_path == ":memory:")
            {
                connection = _root.Duplicate();
            }
            else if (_mode == StoreMode.Shared)
            {
                _active++;
                connection = new TrackedConnection(_root.ConnectionString, Release);
            }
            else
            {
                connection = new DuckDBConnection(_root.ConnectionString);
            }
        }
        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
            }
            RootOpener.Configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writers.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_mode != StoreMode.Shared)
            {
                return await work(cancellationToken).ConfigureAwait(false);
            }
            await ReopenAsync(writable: true, cancellationToken).ConfigureAwait(false);
            try
            {
                return await work(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await ReopenAsync(writable: false, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _writers.Release();
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            _root.Dispose();
        }
        _writers.Dispose();
    }

    /// <summary>Waits for the connections in use, then reopens the file; going read-write fails back to read-only.</summary>
    private async Task ReopenAsync(bool writable, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            _switching = true;
        }
        try
        {
            while (Volatile.Read(ref _active) > 0)
            {
                await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            }
            _root.Dispose();
            try
            {
                _root = await Task.Run(() => RootOpener.Open(_path, writable, _wait), CancellationToken.None).ConfigureAwait(false);
            }
            catch (StoreException) when (writable)
            {
                _root = await Task.Run(() => RootOpener.Open(_path, writable: false, _wait), CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            lock (_sync)
            {
                _switching = false;
                System.Threading.Monitor.PulseAll(_sync);
            }
        }
    }

    private void Release()
    {
        lock (_sync)
        {
            _active--;
        }
    }
}
