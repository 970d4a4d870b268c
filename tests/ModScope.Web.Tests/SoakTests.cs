using System.Diagnostics;
using System.Globalization;
using System.Net;
using Xunit.Abstractions;

namespace ModScope.Web.Tests;

/// <summary>
/// A bounded soak on loopback: 4 clients for 20 s over a mix of cached requests (the overview, one query, the
/// catalogue, pages), uncached ones (queries and exports over random days and markets, health, alerts) and the wide
/// moderator × queue × language hourly request that must be refused; no errors, and the server's resident memory
/// grows less than <see cref="GrowthBound"/>. The server runs in its own process with workstation GC, as
/// <c>modscope serve</c> runs it, and a 16 MB answer cache so the soak also churns the cache's LRU.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SoakTests(DashboardStore store, ITestOutputHelper output)
{
    private const int Clients = 4;
    private const long GrowthBound = 128L << 20;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);

    private static readonly string[] Markets = ["US", "GB", "DE", "ID", "PH", "BR", "JP", "SA", "VN", "SG"];
    private static readonly string[] WideMetrics =
    [
        "decision_volume", "human_decision_volume", "automation_rate", "proactive_detection_rate", "enforcement_rate",
        "tat_p50_hours", "tat_p90_hours", "sla_attainment", "aht_seconds",
    ];

    [Fact]
    public async Task Four_clients_for_twenty_seconds_get_no_errors_and_the_server_s_memory_stays_bounded()
    {
        await using var server = await ServerProcess.StartAsync(store.StorePath, "--ModScope:Limits:CacheMegabytes=16");
        using var warm = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromMinutes(2) };
        var warmErrors = new List<string>();
        for (var i = 0; i < Kinds; i++)
        {
            await Call(warm, new Random(i), i, warmErrors);
        }
        var before = server.ResidentBytes();

        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => ClientAsync(server.Url, c, clock))));
        var after = server.ResidentBytes();

        var errors = warmErrors.Concat(runs.SelectMany(r => r.Errors)).ToList();
        var requests = runs.Sum(r => r.Requests);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{requests} requests in {clock.Elapsed.TotalSeconds:F1} s by {Clients} clients, {errors.Count} errors; RSS {before >> 20} MB → {after >> 20} MB (+{(after - before) >> 20} MB)"));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        Assert.True(requests >= Clients * Kinds, $"only {requests} requests");
        Assert.True(after - before < GrowthBound, $"RSS grew {(after - before) >> 20} MB, over the {GrowthBound >> 20} MB bound");
    }

    private const int Kinds = 10;

    private async Task<(int Requests, List<string> Errors)> ClientAsync(string url, int seed, Stopwatch clock)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        var random = new Random(seed);
        var errors = new List<string>();
        var requests = 0;
        while (clock.Elapsed < Duration)
        {
            await Call(client, random, random.Next(Kinds), errors);
            requests++;
        }
        return (requests, errors);
    }

    /// <summary>One request of kind <paramref name="kind"/>; a status other than the expected one is an error.</summary>
    private async Task Call(HttpClient client, Random random, int kind, List<string> errors)
    {
        var last = DateOnly.FromDateTime(store.DataEnd).AddDays(-1);
        string Day(int back) => last.AddDays(-back).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var from = random.Next(7, DashboardStore.Days - 1);
        var (url, expected) = kind switch
        {
            0 => ("/api/overview?lang=en", HttpStatusCode.OK),
            1 => ("/api/query?metric=qa_accuracy,decision_volume&by=market&compare=previous", HttpStatusCode.OK),
            2 => ("/api/catalog?lang=zh-Hans", HttpStatusCode.OK),
            3 => (random.Next(2) == 0 ? "/" : "/js/app.js", HttpStatusCode.OK),
            4 or 5 => ($"/api/query?metric=decision_volume,sla_attainment&by=site&grain=day&period={Day(from)}..{Day(from - random.Next(1, 7))}&filter=market={Markets[random.Next(Markets.Length)]}", HttpStatusCode.OK),
            6 => ($"/api/export.csv?metric=tat_p90_hours&by=queue&period={Day(random.Next(DashboardStore.Days))}", HttpStatusCode.OK),
            7 => ("/api/health", HttpStatusCode.OK),
            8 => ("/api/alerts?status=new", HttpStatusCode.OK),
            _ => ($"/api/query?metric={string.Join(',', WideMetrics)}&by=moderator,queue,language&grain=hour&period={Day(from)}..{Day(from - 6)}", HttpStatusCode.BadRequest),
        };
        try
        {
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != expected)
            {
                errors.Add($"{url} → {(int)response.StatusCode}, expected {(int)expected}");
            }
        }
        catch (HttpRequestException ex)
        {
            errors.Add($"{url} → {ex.Message}");
        }
        catch (TaskCanceledException ex)
        {
            errors.Add($"{url} → timed out ({ex.Message})");
        }
    }
}
