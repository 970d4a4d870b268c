using System.Diagnostics;

namespace ModScope.Common;

/// <summary>
/// Wall time and this process's CPU time (every thread's, DuckDB's included) since it was started: the pair the rollup's
/// upkeep and the planning trace report, since on a shared machine only the CPU time compares.
/// </summary>
internal sealed class WallCpuClock
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

    public static WallCpuClock Start() => new();

    public (TimeSpan Wall, TimeSpan Cpu) Elapsed => (Stopwatch.GetElapsedTime(_started), Process.GetCurrentProcess().TotalProcessorTime - _cpu);
}
