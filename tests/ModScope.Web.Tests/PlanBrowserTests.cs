using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace ModScope.Web.Tests;

/// <summary>
/// The Plan page in Debian's chromium on a real loopback server: English then Chinese text, the forecast chart drawn, an
/// opportunity row as the API answers it with its evidence and explorer link, and no content-security-policy violation.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PlanBrowserTests(DashboardStore store, BrowserHost host) : IClassFixture<BrowserHost>, IAsyncLifetime
{
    private WebApplication _app = null!;
    private IBrowserContext _context = null!;

    private string Url => _app.Urls.First();

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Build([], store.Options, ["http://127.0.0.1:0"]);
        await _app.StartAsync();
        _context = await host.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_plan_page_shows_the_forecast_chart_and_the_opportunities_in_english_and_chinese()
    {
        var violations = new List<string>();
        await _context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));");
        var page = await _context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("CSP violation", StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        page.PageError += (_, error) => violations.Add(error);
        using var api = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(5) };
        var first = (await api.GetFromJsonAsync<JsonElement>("/api/opportunities?horizon=2w&lang=zh-Hans")).GetProperty("rows")[0];

        await page.GotoAsync(Url + "/plan?lang=en&horizon=2w");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Plan: forecast, hours and opportunities");
        await Assertions.Expect(page.Locator("header nav a.active")).ToHaveTextAsync("Plan");
        var rows = page.Locator("#opportunity-table tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Assertions.Expect(page.Locator("#forecast-chart canvas")).ToHaveCountAsync(1, new() { Timeout = 180_000 });
        await Assertions.Expect(page.Locator("#subject option").First).ToBeAttachedAsync();

        await page.SelectOptionAsync("#lang-switch", "zh-Hans");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("计划：预测、工时与优化机会");
        await Assertions.Expect(page.Locator("#opportunity-table th").First).ToHaveTextAsync("类型", new() { Timeout = 180_000 });
        var row = rows.First;
        await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync(first.GetProperty("kindName").GetString()!);
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(first.GetProperty("subjectName").GetString()!);
        await Assertions.Expect(row.Locator("td").Nth(6)).ToHaveTextAsync(first.GetProperty("moneyText").GetString()!);
        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#explore-link")).ToHaveTextAsync("在探索页中查看");
        Assert.StartsWith("/explorer?", await page.Locator("#explore-link").GetAttributeAsync("href"), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#hours-chart canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#live-summary")).ToContainTextAsync("直播值守单独列出");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Screenshots, "plan-zh.png"), FullPage = true });
        Assert.Empty(violations);
    }
}
