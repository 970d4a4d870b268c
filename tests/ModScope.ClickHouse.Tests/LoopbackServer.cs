using System.Diagnostics;

namespace ModScope.ClickHouse.Tests;

/// <summary>What the fixtures do with a ClickHouse server on loopback: ask whether it answers, and run its script.</summary>
internal static class LoopbackServer
{
    /// <summary>Whether <c>SELECT 1</c> over HTTP answers within two seconds.</summary>
    public static async Task<bool> AnswersAsync(Uri url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            return (await http.GetAsync(new Uri(url, "?query=SELECT%201"))).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Runs <c>scripts/NAME VERB</c>; a failure names the script and verb, adds <paramref name="hint"/> and its stderr.</summary>
    public static async Task RunScriptAsync(string name, string verb, string hint = "")
    {
        var script = RepoPaths.Combine("scripts", name);
        using var process = Process.Start(new ProcessStartInfo("bash", [script, verb]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/{name} {verb} failed ({process.ExitCode}){hint}: {error}");
        }
    }
}
