using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ModScope.Tests.Support;

namespace ModScope.Web.Tests;

/// <summary>
/// The dashboard in a process of its own on loopback (<c>dotnet ModScope.Web.dll</c>), so its memory can be read on
/// its own. Serves a copy of the store (a DuckDB file has one owning process). Killed on dispose.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempFolder _folder;

    private ServerProcess(Process process, TempFolder folder, string url)
    {
        _process = process;
        _folder = folder;
        Url = url;
        StorePath = folder.Sub("store.duckdb");
    }

    public string Url { get; }

    /// <summary>The copy of the store this server holds.</summary>
    public string StorePath { get; }

    /// <summary>The server's resident memory (RSS), in bytes.</summary>
    public long ResidentBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    public static async Task<ServerProcess> StartAsync(string storePath, params string[] settings)
    {
        var folder = new TempFolder("modscope-web-server-");
        var copy = folder.Sub("store.duckdb");
        File.Copy(storePath, copy);
        if (File.Exists(storePath + ".wal"))
        {
            File.Copy(storePath + ".wal", copy + ".wal");
        }
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Workstation GC, as in `modscope serve` (a console app); ModScope.Web.dll alone would default to server GC.
            Environment = { ["DOTNET_gcServer"] = "0" },
        };
        foreach (var argument in (string[])[typeof(DashboardApp).Assembly.Location, $"--ModScope:Store={copy}", $"--urls={url}", .. settings])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => errors.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, folder, url);
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var wait = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.GetAsync("/api/labels?lang=en");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (!process.HasExited)
            {
                // Not listening yet.
            }
            if (wait.Elapsed > TimeSpan.FromSeconds(90) || process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"The dashboard did not answer on {url}: {string.Join(" | ", errors)}");
            }
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _folder.Dispose();
    }
}
