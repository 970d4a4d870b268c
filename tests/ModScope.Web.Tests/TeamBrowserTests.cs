using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static ModScope.Web.Tests.TeamRequests;

namespace ModScope.Web.Tests;

/// <summary>
/// A dashboard opened to a team, in Debian's chromium on a real loopback server: a page sends people to sign in (English
/// and 简体中文), a SEA-scoped viewer's overview offers and shows only SEA, signing out ends the session; an admin reads
/// and filters the audit log page under the content security policy.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class TeamBrowserTests(DashboardStore store, BrowserHost host) : BrowserTestBase(host)
{
    protected override Task<DashboardOptions> OptionsAsync() => Task.FromResult(store.Options);

    protected override string[] Arguments => [.. store.Team.Select(s => $"--{s.Key}={s.Value}")];

    [Fact]
    public async Task A_sea_viewer_signs_in_in_chinese_sees_only_sea_and_signs_out()
    {
        await Page.GotoAsync(Url + "/?lang=zh-Hans");
        await Page.WaitForURLAsync(u => u.Contains("/signin?return=", StringComparison.Ordinal));
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("登录");
        await SignIn(DashboardStore.SeaName);

        await Page.WaitForURLAsync(u => !u.Contains("/signin", StringComparison.Ordinal));
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("核心指标");
        await Assertions.Expect(Page.Locator("#signed-in-user")).ToContainTextAsync("sea（查看者）");
        // A scoped overview is computed on first request (no warm cache): more time than a page's default.
        await Assertions.Expect(Page.Locator(".tile")).ToHaveCountAsync(9, new() { Timeout = 30_000 });
        var sea = MarketRows().Select(l => l.Split(',')).Where(r => r[3] == "SEA").Select(r => r[0]).Order(StringComparer.Ordinal).ToList();
        var offered = (await Page.Locator("#market option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)")).Where(v => v != "").Order(StringComparer.Ordinal).ToList();
        var regions = (await Page.Locator("#region option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)")).Where(v => v != "").ToList();
        // The region filter names SEA as reference/regions.csv does in Chinese.
        await Assertions.Expect(Page.Locator("#region option[value='SEA']")).ToHaveTextAsync("东南亚");
        using var api = new HttpClient { BaseAddress = new Uri(Url) };
        api.DefaultRequestHeaders.Authorization = Basic(DashboardStore.SeaName);
        var overview = await api.GetFromJsonAsync<JsonElement>("/api/overview?lang=zh-Hans");
        var volume = overview.GetProperty("tiles").EnumerateArray().Single(t => t.GetProperty("metric").GetString() == "decision_volume");
        await Assertions.Expect(Page.Locator(".tile[data-metric='decision_volume'] .value")).ToHaveTextAsync(volume.GetProperty("current").GetProperty("formatted").GetString()!);
        await Assertions.Expect(Page.Locator("header nav a[href^='/audit']")).ToHaveCountAsync(0);
        await ScreenshotAsync("overview-zh-sea-viewer.png");

        await Page.ClickAsync("#sign-out");
        await Page.WaitForURLAsync(u => u.Contains("/signin", StringComparison.Ordinal));
        var session = await Page.EvaluateAsync<JsonElement>("async () => (await fetch('/api/session')).json()");
        await Page.GotoAsync(Url + "/health?lang=zh-Hans");

        Assert.Equal(sea, offered);
        Assert.Equal(["SEA"], regions);
        Assert.Equal("anonymous", session.GetProperty("role").GetString());
        Assert.Contains("/signin?return=", Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_signs_in_in_english_and_filters_the_audit_log_page_without_a_policy_violation()
    {
        var violations = await WatchPolicyViolationsAsync();

        await Page.GotoAsync(Url + "/audit?lang=en");
        await Page.WaitForURLAsync(u => u.Contains("/signin?return=", StringComparison.Ordinal));
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Sign in");
        await SignIn(DashboardStore.AdminName);
        await Page.WaitForURLAsync(u => u.Contains("/audit", StringComparison.Ordinal) && !u.Contains("/signin", StringComparison.Ordinal));
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Audit log");
        await Assertions.Expect(Page.Locator("header nav a[href^='/audit']")).ToHaveTextAsync("Audit log");
        // The audit API first writes what is queued, waiting for the shared store: more time than a page's default.
        await Assertions.Expect(Page.Locator("#audit-table tbody tr").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await Page.FillAsync("#audit-user", DashboardStore.AdminName);
        await Page.SelectOptionAsync("#audit-action", "sign-in");
        await Page.ClickAsync("#apply-filters");
        await Page.WaitForURLAsync(u => u.Contains("action=sign-in", StringComparison.Ordinal));
        var rows = Page.Locator("#audit-table tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var cells = await rows.First.Locator("td").AllInnerTextsAsync();
        await ScreenshotAsync("audit-en-admin.png");

        // When, user, role, action, method, request, status.
        Assert.Equal(["ada", "admin", "sign-in", "POST", "/api/session/signin", "200"], cells.Skip(1));
        Assert.EndsWith(" UTC", cells[0], StringComparison.Ordinal);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private async Task SignIn(string name)
    {
        await Page.FillAsync("#signin-name", name);
        await Page.FillAsync("#signin-password", DashboardStore.TeamPassword);
        await Page.ClickAsync("#signin-submit");
    }
}
