using System.Diagnostics;
using Microsoft.AspNetCore.Builder;

namespace ModScope.Bench;

/// <summary>An in-process dashboard on loopback and a client for it; <see cref="GetAsync"/> times one call, body read.</summary>
internal sealed class BenchDashboard(WebApplication app) : IAsyncDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };

    /// <summary>The call's wall time in ms (a failed call throws, naming its status).</summary>
    public async Task<double> GetAsync(string url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await _http.GetAsync(url);
        _ = await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await app.DisposeAsync();
    }
}
