using Xunit.Abstractions;
using static ModScope.Web.Tests.TeamRequests;

namespace ModScope.Web.Tests;

/// <summary>
/// <see cref="ScopedFuzz"/> on the DuckDB-backed dashboard, sent by a SEA-scoped analyst (so exports and reports run
/// too): each answer is a 400 or a success that names no market outside SEA, never a 500. The ClickHouse-backed
/// dashboard gets the same in ModScope.ClickHouse.Tests' ConsumerTests.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ScopedFuzzTests(DashboardStore store, ITestOutputHelper output) : IDisposable
{
    private readonly DashboardFactory _factory = new(store, new Dictionary<string, string?>(store.Team)
    {
        ["ModScope:Limits:AuthenticationPermits"] = "1000000",
        ["ModScope:Limits:ExpensiveQueue"] = "1000",
    });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Metacharacters_in_every_parameter_give_400_or_a_sea_only_answer_never_500()
    {
        using var client = _factory.CreateClient();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (sent, refused, failures) = await ScopedFuzz.RunAsync(client, Basic(DashboardStore.SeaAnalystName));

        output.WriteLine($"{sent} requests, {refused} refused with 400, in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(sent >= 1000, $"only {sent} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n{string.Join("\n", failures.Take(20))}");
    }
}
