using DuckDB.NET.Data;

namespace ModScope.Store;

/// <summary>A connection that tells its <see cref="StoreGate"/> when it is closed, so the gate knows when none is open.</summary>
internal sealed class TrackedConnection(string connectionString, Action released) : DuckDBConnection(connectionString)
{
    private int _released;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Interlocked.Exchange(ref _released, 1) == 0)
        {
            released();
        }
    }
}
