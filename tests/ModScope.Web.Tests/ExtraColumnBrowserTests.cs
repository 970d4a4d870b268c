using Microsoft.Playwright;
using ModScope.Tests.Support;

namespace ModScope.Web.Tests;

/// <summary>
/// The explorer on a team's own data in Debian's chromium on a real loopback server: Bazaarly's extra column seller_tier,
/// a dimension in the catalogue (tests/data/bazaar/catalog-additions.yaml), is offered in the explorer's dimension list
/// under its Chinese name, and slicing by it shows its values. By hand from the export's seller_tier column: gold T01,
/// T04, T07, T09; silver T02, T05, T08, T11; bronze T03, T06, T10.
/// </summary>
public sealed class ExtraColumnBrowserTests(BrowserHost host) : BrowserTestBase(host)
{
    private readonly TempFolder _folder = new("modscope-bazaar-browser-");

    protected override Task<DashboardOptions> OptionsAsync() => BazaarDashboard.PrepareAsync(_folder.Path);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_extra_column_flagged_as_a_dimension_is_in_the_explorers_list_and_slices_by_its_values()
    {
        await Page.GotoAsync(Url + "/explorer?lang=zh-Hans&metric=decision_volume&by=market&period=2026-11&compare=none");
        var rows = Page.Locator("#result-table tbody tr");
        // The first answer is computed on request (no warm cache): more time than a page's default.
        await Assertions.Expect(rows).ToHaveCountAsync(3, new() { Timeout = 30_000 }); // XN, XS, XW
        await Assertions.Expect(Page.Locator("#by option[value='seller_tier']")).ToHaveTextAsync("卖家等级");

        await Page.SelectOptionAsync("#by", "seller_tier");
        await Page.ClickAsync("#run");
        await Page.WaitForURLAsync(u => u.Contains("by=seller_tier", StringComparison.Ordinal));
        await Assertions.Expect(Page.Locator("#result-table th[data-key='seller_tier']")).ToHaveTextAsync("卖家等级");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in await rows.AllAsync())
        {
            // Columns: metric, seller tier, value, interval.
            shown[await row.Locator("td").Nth(1).InnerTextAsync()] = await row.Locator("td").Nth(2).InnerTextAsync();
        }
        await ScreenshotAsync("explorer-extra-column-zh.png");

        Assert.Equal(new Dictionary<string, string> { ["gold"] = "4", ["silver"] = "4", ["bronze"] = "3" }, shown);
    }
}
