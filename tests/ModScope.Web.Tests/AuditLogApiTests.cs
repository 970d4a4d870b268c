using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static ModScope.Web.Tests.TeamRequests;

namespace ModScope.Web.Tests;

/// <summary>
/// The audit log's API on a team dashboard: filters by user, action and UTC days, pages with limit and offset, refuses
/// an unknown action naming the parameter, and starts with the configuration the server loaded (users with the
/// SHA-256 of their list, never a password hash).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AuditLogApiTests(DashboardStore store) : IDisposable
{
    private readonly DashboardFactory _factory = new(store, store.Team);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_log_pages_newest_first_and_filters_by_user_action_and_days()
    {
        using var client = _factory.CreateClient();
        var viewer = Basic(DashboardStore.ViewerName, DashboardStore.ViewerPassword);
        var admin = Basic(DashboardStore.AdminName);
        var probe = Guid.NewGuid().ToString("N");
        for (var i = 1; i <= 3; i++)
        {
            using var seen = await Send(client, "get", $"/api/catalog?probe={probe}-{i}", viewer);
            Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
            // Apart in time, so newest first is this order.
            await Task.Delay(20);
        }
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var first = await Requests(client, $"/api/audit?user=lee&action=view&since={today}&until={today}&limit=2", admin);
        var second = await Requests(client, $"/api/audit?user=lee&action=view&since={today}&until={today}&limit=2&offset=2", admin);
        var before = await Requests(client, $"/api/audit?user=lee&until={yesterday}", admin);
        var after = await Requests(client, $"/api/audit?user=lee&since={tomorrow}", admin);
        var changes = await Requests(client, $"/api/audit?user=lee&action=change&since={today}", admin);
        using var unknown = await Send(client, "get", "/api/audit?action=delete", admin);
        using var badDay = await Send(client, "get", "/api/audit?until=2026-02-30", admin);
        using var badLimit = await Send(client, "get", "/api/audit?limit=1;--", admin);

        Assert.Equal([$"/api/catalog?probe={probe}-3", $"/api/catalog?probe={probe}-2"], first);
        Assert.Equal($"/api/catalog?probe={probe}-1", second[0]);
        Assert.DoesNotContain(before, r => r.Contains(probe, StringComparison.Ordinal));
        Assert.Empty(after);
        Assert.DoesNotContain(changes, r => r.Contains(probe, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("action", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
        Assert.Contains("until", await badDay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Contains("limit", await badLimit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_start_records_the_configuration_it_loaded_with_the_users_lists_digest_and_no_secret()
    {
        using var client = _factory.CreateClient();
        var rows = JsonDocument.Parse(await Text(await Send(client, "get", "/api/audit?action=configure&user=modscope&limit=6", Basic(DashboardStore.AdminName))))
            .RootElement.EnumerateArray().ToList();
        var requests = rows.Select(r => r.GetProperty("request").GetString()!).ToList();
        var usersText = store.Team["ModScope:Users"]!;
        // SHA-256 of the users list as configured, computed here.
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(usersText)));

        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(("system", "START"), (r.GetProperty("role").GetString(), r.GetProperty("method").GetString())));
        Assert.Contains($"users: 5 sha256:{digest} (ada admin; kim analyst; lee viewer; sea viewer region=SEA; sea-kim analyst region=SEA)", requests);
        Assert.Contains("service: none (no modscope.yaml)", requests);
        Assert.Contains(requests, r => r.StartsWith("analyst token: set; pseudonym key: set", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Contains("AuditRetentionDays = 365", StringComparison.Ordinal));
        // Neither a password hash nor the pseudonym key is written.
        Assert.DoesNotContain(requests, r => r.Contains("pbkdf2", StringComparison.OrdinalIgnoreCase) || r.Contains(DashboardStore.PseudonymKey, StringComparison.Ordinal));
    }

    private static async Task<List<string>> Requests(HttpClient client, string url, System.Net.Http.Headers.AuthenticationHeaderValue auth)
    {
        using var response = await Send(client, "get", url, auth);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Select(r => r.GetProperty("request").GetString()!).ToList();
    }
}
