using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace ModScope.Web.Tests;

/// <summary>
/// The Plan page in Debian's chromium on a real loopback server: English then Chinese text, the forecast chart drawn, an
/// opportunity row as the API answers it with its evidence and explorer link, and no content-security-policy violation.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PlanBrowserTests(DashboardStore store, BrowserHost host) : BrowserTestBase(host)
{
    protected override Task<DashboardOptions> OptionsAsync() => Task.FromResult(store.Options);

    [Fact]
    public async Task The_plan_page_shows_the_forecast_chart_and_the_opportunities_in_english_and_chinese()
    {
        var violations = await WatchPolicyViolationsAsync();
        using var api = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(5) };
        var first = (await api.GetFromJsonAsync<JsonElement>("/api/opportunities?horizon=2w&lang=zh-Hans")).GetProperty("rows")[0];

        await Page.GotoAsync(Url + "/plan?lang=en&horizon=2w");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Plan: forecast, hours and opportunities");
        await Assertions.Expect(Page.Locator("header nav a.active")).ToHaveTextAsync("Plan");
        var rows = Page.Locator("#opportunity-table tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Assertions.Expect(Page.Locator("#forecast-chart canvas")).ToHaveCountAsync(1, new() { Timeout = 180_000 });
        await Assertions.Expect(Page.Locator("#subject option").First).ToBeAttachedAsync();

        await Page.SelectOptionAsync("#lang-switch", "zh-Hans");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("计划：预测、工时与优化机会");
        await Assertions.Expect(Page.Locator("#opportunity-table th").First).ToHaveTextAsync("类型", new() { Timeout = 180_000 });
        var row = rows.First;
        await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync(first.GetProperty("kindName").GetString()!);
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(first.GetProperty("subjectName").GetString()!);
        await Assertions.Expect(row.Locator("td").Nth(6)).ToHaveTextAsync(first.GetProperty("moneyText").GetString()!);
        await row.ClickAsync();
        await Assertions.Expect(Page.Locator("#explore-link")).ToHaveTextAsync("在探索页中查看");
        Assert.StartsWith("/explorer?", await Page.Locator("#explore-link").GetAttributeAsync("href"), StringComparison.Ordinal);
        await Assertions.Expect(Page.Locator("#hours-chart canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator("#live-summary")).ToContainTextAsync("直播值守单独列出");
        // Sites by their Chinese names (reference/sites.csv's name_zh), in the picker and the table, never by id.
        var zh = SiteNames.Chinese();
        var picked = await Page.Locator("#site option").AllInnerTextsAsync();
        Assert.NotEmpty(picked);
        Assert.All(picked, name => Assert.Contains(name, zh.Values));
        Assert.All(await Page.Locator("#site-table tbody tr td:first-child").AllInnerTextsAsync(), name => Assert.Contains(name, zh.Values));
        await ScreenshotAsync("plan-zh.png");
        Assert.Empty(violations);
    }
}
