namespace ModScope.ClickHouse.Tests;

/// <summary>A database of a test's own on the fixture's servers, in both read modes; disposing drops it.</summary>
public sealed class ScratchDatabase(ClickHouseEngine final, ClickHouseEngine merged, Func<Task> drop) : IAsyncDisposable
{
    /// <summary>Reads with FINAL.</summary>
    public ClickHouseEngine Final { get; } = final;

    /// <summary>Reads without FINAL; loads go through it (it knows every node).</summary>
    public ClickHouseEngine Merged { get; } = merged;

    public IReadOnlyList<ClickHouseEngine> Modes => [Final, Merged];

    public async ValueTask DisposeAsync()
    {
        Final.Dispose();
        Merged.Dispose();
        await drop();
    }
}
