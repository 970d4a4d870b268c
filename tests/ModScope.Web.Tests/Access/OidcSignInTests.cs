using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using static ModScope.Web.Tests.TeamRequests;

namespace ModScope.Web.Tests.Access;

/// <summary>
/// A team's identity provider signs users in (OpenID Connect, code flow with PKCE, against <see cref="TinyOidcProvider"/>):
/// the provider's role and group claims become the dashboard's role and scope through the configured mappings, the client
/// secret comes from the environment (the provider refuses any other), and the signed-in user gets the same enforcement as a
/// user of the users file: a SEA lead's answers hold only SEA's markets, their POST is refused, a user the mappings give no
/// role is sent back to the sign-in page and stays signed out, and both sign-ins are in the audit log.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class OidcSignInTests(DashboardStore store) : IAsyncLifetime
{
    private const string SecretVariable = "MODSCOPE_OIDC_CLIENT_SECRET";
    private TinyOidcProvider? _provider;
    private DashboardFactory? _factory;

    public async Task InitializeAsync()
    {
        _provider = await TinyOidcProvider.StartAsync();
        Environment.SetEnvironmentVariable(SecretVariable, TinyOidcProvider.ClientSecret);
        _factory = new DashboardFactory(store, new Dictionary<string, string?>
        {
            ["ModScope:Oidc:Authority"] = _provider.Issuer,
            ["ModScope:Oidc:ClientId"] = TinyOidcProvider.ClientId,
            ["ModScope:Oidc:Roles"] = "ms-viewers=viewer;ms-admins=admin",
            ["ModScope:Oidc:Scopes"] = "sea-leads=region=SEA",
        });
    }

    public async Task DisposeAsync()
    {
        _factory?.Dispose();
        Environment.SetEnvironmentVariable(SecretVariable, null);
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_user_signed_in_by_the_provider_gets_the_role_and_scope_of_their_claims()
    {
        var (lead, leadLanding) = await SignInAsync(new OidcUser("sea.lead", ["ms-viewers"], ["sea-leads", "unmapped-group"]));
        var session = await Json(lead, "/api/session");
        var markets = (await Json(lead, "/api/query?metric=decision_volume&by=market&period=last%20full%20week")).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("dimensions").GetProperty("market").GetString()!).ToList();
        using var change = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/alerts/1/status", UriKind.Relative))
        {
            Content = new StringContent("""{"status":"acknowledged"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        change.Headers.Add("X-CSRF-Token", session.GetProperty("csrf").GetString());
        using var post = await lead.SendAsync(change);

        var (nobody, nobodyLanding) = await SignInAsync(new OidcUser("stranger", ["other-app"], []));
        var nobodySession = await Json(nobody, "/api/session");
        using var nobodyQuery = await nobody.GetAsync(new Uri("/api/query?metric=decision_volume", UriKind.Relative));

        var (admin, _) = await SignInAsync(new OidcUser("ada.admin", ["ms-viewers", "ms-admins"], []));
        var audit = await AuditSignInsAsync(admin);

        Assert.Equal("/explorer", leadLanding);
        Assert.Equal(("sea.lead", "viewer", "region=SEA"), (session.GetProperty("name").GetString(), session.GetProperty("role").GetString(), session.GetProperty("scope").GetString()));
        var sea = MarketRows().Select(l => l.Split(',')).Where(r => r[3] == "SEA").Select(r => r[0]).ToHashSet();
        Assert.NotEmpty(markets);
        Assert.All(markets, m => Assert.Contains(m, sea));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("/signin?error=oidc", nobodyLanding);
        Assert.Equal("", nobodySession.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, nobodyQuery.StatusCode);
        Assert.Contains("sea.lead viewer 302", audit);
        Assert.Contains(audit, r => r.StartsWith(" anonymous 403", StringComparison.Ordinal));
        Assert.Contains("ada.admin admin 302", audit);
    }

    /// <summary>The browser's round trip: the dashboard's challenge, the provider's authorize, the dashboard's callback. Returns the signed-in client and where the callback sent it.</summary>
    private async Task<(HttpClient Client, string Landing)> SignInAsync(OidcUser user)
    {
        _provider!.Next = user;
        // https: the handler's correlation and nonce cookies are Secure.
        var client = _factory!.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var challenge = await client.GetAsync(new Uri("/signin/oidc?return=/explorer", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith(_provider.Issuer + "/authorize?", challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var authorized = await browser.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        using var callback = await client.GetAsync(new Uri(authorized.Headers.Location!.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return (client, callback.Headers.Location!.ToString());
    }

    /// <summary>The audit log's sign-in rows as "user role status", waiting for the writer's batch (every 2 s).</summary>
    private static async Task<List<string>> AuditSignInsAsync(HttpClient admin)
    {
        var rows = new List<string>();
        string[] expected = ["sea.lead viewer 302", " anonymous 403", "ada.admin admin 302"];
        for (var attempt = 0; attempt < 40 && !expected.All(e => rows.Any(r => r.EndsWith(e, StringComparison.Ordinal))); attempt++)
        {
            await Task.Delay(250);
            rows = (await Json(admin, "/api/audit?action=sign-in&limit=50")).EnumerateArray()
                .Select(r => $"{r.GetProperty("user").GetString()} {r.GetProperty("role").GetString()} {r.GetProperty("status").GetInt32()}").ToList();
        }
        return rows;
    }

    private static async Task<JsonElement> Json(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
