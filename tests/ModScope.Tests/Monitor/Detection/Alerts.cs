using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>Reading a detection result the way a monitor does: where alerts open.</summary>
public static class Alerts
{
    /// <summary>Input indices where an alert opens, at or after <paramref name="from"/> (the end of warm-up).</summary>
    public static int[] StartIndices(DetectionResult result, int from = 0) =>
        [.. Enumerable.Range(from, Math.Max(0, result.Points.Count - from)).Where(i => result.Points[i].AlertStart)];
}
