using ModScope.Common;

namespace ModScope.Planning;

/// <summary>
/// MODSCOPE_TRACE_PLAN=1 prints each planning step's wall and process CPU time to stderr (for profiling <c>plan</c>
/// and <c>opportunities</c>; the process CPU includes any other thread working at the time).
/// </summary>
internal static class PlanningTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("MODSCOPE_TRACE_PLAN") == "1";

    /// <summary>A step timed until disposed; nothing when tracing is off.</summary>
    public static IDisposable? Step(string what) => On ? new Timed(what) : null;

    private sealed class Timed(string what) : IDisposable
    {
        private readonly WallCpuClock _clock = WallCpuClock.Start();

        public void Dispose()
        {
            var (wall, cpu) = _clock.Elapsed;
            Console.Error.WriteLine($"plan-trace {wall.TotalMilliseconds,8:F0} ms wall {cpu.TotalMilliseconds,8:F0} ms cpu  {what}");
        }
    }
}
