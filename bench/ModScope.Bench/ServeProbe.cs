using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ModScope.Bench;

/// <summary>
/// A real <c>modscope serve</c> process on the store: it warms the default overview in the background as it starts (as
/// in production); the bench sends each request once, then reads the process's peak and current resident memory
/// (<c>VmHWM</c>, <c>VmRSS</c> of <c>/proc/PID/status</c>) and stops it with Ctrl+C (SIGINT).
/// </summary>
internal static partial class ServeProbe
{
    /// <summary>ModScope.Cli built in Release in the same checkout as this bench.</summary>
    public static string CliDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModScope.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "ModScope.Cli", "bin", "Release", "net10.0", "ModScope.Cli.dll");
                return File.Exists(dll) ? dll
                    : throw new FileNotFoundException($"bench: serve's memory needs the command built in Release first (dotnet build -c Release src/ModScope.Cli): {dll} not found.", dll);
            }
        }
        throw new DirectoryNotFoundException($"bench: no ModScope.slnx above {AppContext.BaseDirectory}, so no src/ModScope.Cli to run serve from.");
    }

    /// <summary>Runs serve on <paramref name="store"/> (with <paramref name="catalog"/>, or the shipped one), times one call of each URL, returns (first-call ms per URL, peak RSS MB, RSS MB).</summary>
    public static async Task<(IReadOnlyList<double> FirstMs, double PeakMb, double RssMb)> RunAsync(string cliDll, string store, string? catalog, IReadOnlyList<string> urls, string workDir)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[cliDll, "serve", "--store", store, "--urls", "http://127.0.0.1:0", .. catalog is null ? [] : new[] { "--catalog", catalog }])
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bench: could not start dotnet for serve.");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var said = new List<string>();
        void Line(string? line)
        {
            if (line is null)
            {
                listening.TrySetException(new InvalidOperationException($"bench: serve ended before listening: {string.Join(" | ", said.TakeLast(5))}"));
                return;
            }
            lock (said)
            {
                said.Add(line);
            }
            if (Url().Match(line) is { Success: true } m)
            {
                listening.TrySetResult(m.Value);
            }
        }
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (said) { said.Add(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromMinutes(5));
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10) };
            var first = new List<double>();
            foreach (var url in urls)
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.GetAsync(url);
                _ = await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
                first.Add(watch.Elapsed.TotalMilliseconds);
            }
            var status = await File.ReadAllLinesAsync($"/proc/{process.Id}/status");
            return (first, Kb(status, "VmHWM:") / 1024.0, Kb(status, "VmRSS:") / 1024.0);
        }
        finally
        {
            // Ctrl+C, as a person stops it (it removes its server file); killed when it does not end in 2 minutes (a loaded
            // machine slows its shutdown). Either way it has ended, and let go of the store, before the bench goes on.
            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }
            using var wait = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static long Kb(string[] status, string key) =>
        status.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"bench: /proc status has no {key}");

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Url();
}
