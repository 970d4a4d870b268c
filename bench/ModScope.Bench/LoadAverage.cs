namespace ModScope.Bench;

/// <summary>The machine's one-minute load average (<c>/proc/loadavg</c>), printed beside each timing: the machine is shared.</summary>
internal static class LoadAverage
{
    public static string Now() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
