using System.Net;

namespace ModScope.Web.Tests;

/// <summary>
/// Only requests for an allowed host are answered (loopback names by default), so a page on another site whose name
/// is rebound to 127.0.0.1 (DNS rebinding) cannot read the dashboard.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AllowedHostsTests(DashboardStore store) : ApiTestBase(store)
{
    [Theory]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:5080", HttpStatusCode.OK)]
    [InlineData("[::1]:5080", HttpStatusCode.OK)]
    [InlineData("rebound.attacker.example", HttpStatusCode.BadRequest)]
    [InlineData("rebound.attacker.example:5080", HttpStatusCode.BadRequest)]
    [InlineData("127.0.0.1.nip.io", HttpStatusCode.BadRequest)]
    public async Task By_default_only_loopback_names_are_answered(string host, HttpStatusCode expected)
    {
        Assert.Equal(expected, await StatusFor(Client, host));
    }

    [Fact]
    public async Task Configured_hosts_are_answered_besides_loopback()
    {
        using var factory = new DashboardFactory(Store, new Dictionary<string, string?> { ["ModScope:AllowedHosts"] = "dash.example.com;ops.example.com" });
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await StatusFor(client, "dash.example.com"));
        Assert.Equal(HttpStatusCode.OK, await StatusFor(client, "ops.example.com:8443"));
        Assert.Equal(HttpStatusCode.OK, await StatusFor(client, "127.0.0.1:5080"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusFor(client, "rebound.attacker.example"));
    }

    private static async Task<HttpStatusCode> StatusFor(HttpClient client, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/labels?lang=en");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
