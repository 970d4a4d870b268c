using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ModScope.Bench;

/// <summary>
/// The process's CPU time (all threads: DuckDB's workers, the caller, GC and JIT), in milliseconds. On Linux from
/// clock_gettime(CLOCK_PROCESS_CPUTIME_ID), which is exact to the nanosecond; elsewhere from the process times,
/// which tick in 10–16 ms steps. On a shared machine it moves much less with other load than wall time does.
/// </summary>
internal static class QueryCpuClock
{
    private const int ProcessCpuTimeClock = 2;

    public static double NowMs()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(ProcessCpuTimeClock, out var now) == 0)
        {
            return now.Seconds * 1000.0 + now.Nanoseconds / 1e6;
        }
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
