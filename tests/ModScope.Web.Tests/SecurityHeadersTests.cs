using System.Net;
using AngleSharp.Html.Parser;

namespace ModScope.Web.Tests;

/// <summary>
/// Every response carries the security headers (a CSP without inline script, nosniff, frame-ancestors 'none', a
/// referrer policy), and the pages hold no inline script or style for the CSP to forbid.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SecurityHeadersTests(DashboardStore store) : ApiTestBase(store)
{
    public static TheoryData<string> Urls => new()
    {
        "/", "/explorer", "/alerts", "/health", "/reports", "/js/app.js", "/css/site.css", "/lib/echarts/echarts.min.js",
        "/api/catalog", "/api/query?metric=decision_volume", "/api/query?metric=no_such_metric", "/openapi/v1.json",
        "/api/report?format=md", "/no-such-page", "/api/alerts/987654321",
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var response = await Client.GetAsync(url);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_refused_host_still_carries_the_security_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "rebound.attacker.example";

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/explorer")]
    [InlineData("/alerts")]
    [InlineData("/health")]
    [InlineData("/reports")]
    public async Task Pages_hold_no_inline_script_or_style(string url)
    {
        var page = new HtmlParser().ParseDocument(await Client.GetStringAsync(url));

        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline <script>"));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToList(), StringComparer.Ordinal);
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.DoesNotContain("'unsafe-inline'", directives["style-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} response without {name}");
}
