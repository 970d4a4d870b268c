using System.Diagnostics;
using Microsoft.AspNetCore.Builder;

namespace ModScope.Bench;

/// <summary>
/// An in-process dashboard on loopback and a client for it; <see cref="GetAsync"/> times one call, body read, and
/// <see cref="LastCpuMs"/> is the process's CPU time during it (the bench's own process: the other dashboards are idle).
/// </summary>
internal sealed class BenchDashboard(WebApplication app) : IAsyncDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };

    public double LastCpuMs { get; private set; }

    /// <summary>The call's wall time in ms (a failed call throws, naming its status).</summary>
    public async Task<double> GetAsync(string url)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var watch = Stopwatch.StartNew();
        using var response = await _http.GetAsync(url);
        _ = await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
        LastCpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
        return watch.Elapsed.TotalMilliseconds;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await app.DisposeAsync();
    }
}
