using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModScope.Service.Outbox;

namespace ModScope.Web.Tests;

/// <summary>The delivery log: <c>/api/deliveries</c> lists the outbox for analysts and admins (a viewer gets 403), and its page has no inline script.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DeliveryApiTests(DashboardStore store) : IDisposable
{
    private readonly DashboardFactory _factory = new(store, store.Team);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Analysts_read_the_delivery_log_and_viewers_are_refused()
    {
        var dashboard = _factory.Services.GetRequiredService<Dashboard>();
        var key = "api-test|report|" + Guid.NewGuid().ToString("N");
        await dashboard.Store.WriteAsync(_ => Task.FromResult(new OutboxStore(dashboard.Store).Enqueue(
            new OutboxEntry(key, "api-test", "mail", ["lead@example.com"], new Message("Weekly review", "attached", "{}", "r.pdf", [1]), []),
            new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc))));
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        using var analyst = await Get(client, "/api/deliveries?status=pending", DashboardStore.AnalystName, DashboardStore.TeamPassword);
        using var viewer = await Get(client, "/api/deliveries", DashboardStore.ViewerName, DashboardStore.ViewerPassword);
        using var bad = await Get(client, "/api/deliveries?status=lost", DashboardStore.AnalystName, DashboardStore.TeamPassword);
        using var page = await Get(client, "/deliveries?lang=zh-Hans", DashboardStore.AnalystName, DashboardStore.TeamPassword);

        Assert.Equal(HttpStatusCode.OK, analyst.StatusCode);
        var row = JsonDocument.Parse(await analyst.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);
        Assert.Equal(("pending", 0, 1, "Weekly review"), (row.GetProperty("status").GetString(), row.GetProperty("attempts").GetInt32(),
            row.GetProperty("recipients").GetInt32(), row.GetProperty("subject").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("status", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<script src=\"/js/deliveries.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script>|<script [^>]*>[^<]", html);
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string url, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client.SendAsync(request);
    }
}
