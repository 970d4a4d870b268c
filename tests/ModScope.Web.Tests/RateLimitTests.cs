using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ModScope.Web.Tests;

/// <summary>
/// ASP.NET Core's rate limiter: credentials are checked at most N times per window per client (then 429 with
/// Retry-After, whatever the credentials), and expensive endpoints run a bounded number at a time per client.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class RateLimitTests(DashboardStore store) : IDisposable
{
    private readonly DashboardFactory _factory = new(store, new Dictionary<string, string?>
    {
        ["ModScope:Limits:AuthenticationPermits"] = "3",
        ["ModScope:Limits:AuthenticationWindowSeconds"] = "600",
        ["ModScope:Limits:ExpensiveConcurrency"] = "1",
        ["ModScope:Limits:ExpensiveQueue"] = "0",
    });

    [Fact]
    public async Task Guessing_passwords_is_refused_after_the_window_s_attempts()
    {
        using var client = _factory.CreateClient();
        const string NoAlert = "/api/alerts/987654321/status";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await Post(client, NoAlert, Basic(DashboardStore.ViewerName, $"guess-{i}")));
        }
        using var refused = await Send(client, NoAlert, Basic(DashboardStore.ViewerName, "guess-3"));
        var withToken = await Post(client, NoAlert, new AuthenticationHeaderValue("Bearer", DashboardStore.AnalystToken));
        var anonymous = await Post(client, NoAlert, null);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("sign-in attempts", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, withToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
    }

    [Fact]
    public async Task Expensive_requests_beyond_the_client_s_concurrency_are_refused_not_queued_forever()
    {
        using var client = _factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => client.GetAsync($"/api/report?format=md&period=2026-W{36 + i}")));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"{s}"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
        // Cheap reads are not limited.
        var labels = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync("/api/labels?lang=en")));
        Assert.All(labels, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static async Task<HttpStatusCode> Post(HttpClient client, string url, AuthenticationHeaderValue? authorization)
    {
        using var response = await Send(client, url, authorization);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string url, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { status = "acknowledged" }) };
        request.Headers.Authorization = authorization;
        return await client.SendAsync(request);
    }

    public void Dispose() => _factory.Dispose();
}
