using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ModScope.Web.Forwarding;

namespace ModScope.Cli.Tests;

/// <summary>
/// <c>modscope serve</c> in a process of its own on a free loopback port, ready once it answers and its info file is
/// written; what it prints is kept. Killed on dispose.
/// </summary>
internal sealed class ServedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ServedProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>What the server printed so far, standard output and error, a line each.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public int Id => _process.Id;

    /// <summary>
    /// Starts <c>serve</c> on <paramref name="store"/>; with <paramref name="usersFile"/>, opened to a team (sign-in
    /// required); <paramref name="environment"/> adds variables to the server's environment (a channel's secret).
    /// </summary>
    public static async Task<ServedProcess> StartAsync(string store, string? usersFile = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        string[] users = usersFile is null ? [] : ["--users-file", usersFile];
        foreach (var argument in (string[])[typeof(CliApp).Assembly.Location, "serve", "--store", store, "--urls", url, .. users])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var served = new ServedProcess(process, url);
        process.OutputDataReceived += (_, e) => served._output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => served._output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var wait = Stopwatch.StartNew();
        while (ServerInfoFile.Find(store)?.Pid != process.Id)
        {
            if (process.HasExited || wait.Elapsed > TimeSpan.FromSeconds(60))
            {
                await served.DisposeAsync();
                throw new InvalidOperationException($"serve did not start: {string.Join(Environment.NewLine, served.Output)}");
            }
            await Task.Delay(100);
        }
        return served;
    }

    /// <summary>Kills the server at once, as a crash would (its info file stays behind).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
