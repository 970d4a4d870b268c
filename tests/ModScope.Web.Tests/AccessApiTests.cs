using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ModScope.Web.Tests;

/// <summary>
/// Who sees what, on a dashboard opened to a team: quarantined raw rows only for the analyst role; an unknown user takes
/// as long to refuse as a known user with a wrong password, so the timing does not tell which user names exist.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessApiTests(DashboardStore store) : IDisposable
{
    private readonly DashboardFactory _factory = new(store, store.Team);

    private HttpClient? _client;

    private HttpClient Client => _client ??= _factory.CreateClient();

    public void Dispose()
    {
        _client?.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Quarantined_raw_rows_are_shown_only_to_analysts()
    {
        var viewer = await Samples(Basic(DashboardStore.ViewerName, DashboardStore.ViewerPassword));
        var analyst = await Samples(Basic(DashboardStore.AnalystName, DashboardStore.TeamPassword));

        Assert.NotEmpty(viewer);
        Assert.All(viewer, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("rawRow").ValueKind));
        Assert.Contains(analyst, s => s.GetProperty("rawRow").ValueKind == JsonValueKind.String);
        // Everything else about a sample is the same for everyone.
        Assert.Equal(viewer.Select(s => s.GetProperty("message").GetString()), analyst.Select(s => s.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task An_unknown_user_is_refused_as_slowly_as_a_known_user_with_a_wrong_password()
    {
        await Refuse("nobody-here", "x");
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            known.Add(await Refuse(DashboardStore.ViewerName, $"wrong-{i}"));
            unknown.Add(await Refuse($"nobody-{i}", $"wrong-{i}"));
        }

        var ratio = Median(unknown) / Median(known);
        Assert.InRange(ratio, 0.5, 2.0);
    }

    private async Task<double> Refuse(string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts/987654321/status") { Content = JsonContent.Create(new { status = "acknowledged" }) };
        request.Headers.Authorization = Basic(user, password);
        var clock = Stopwatch.StartNew();
        using var response = await Client.SendAsync(request);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return elapsed;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private async Task<List<JsonElement>> Samples(AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Authorization = authorization;
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        return health.GetProperty("quarantine").EnumerateArray().SelectMany(q => q.GetProperty("samples").EnumerateArray()).ToList();
    }
}
