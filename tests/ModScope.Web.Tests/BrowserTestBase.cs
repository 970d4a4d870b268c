using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace ModScope.Web.Tests;

/// <summary>
/// What every browser test class sets up alike: the dashboard on a real loopback server (each class says which store
/// and arguments), a browser context on the shared <see cref="BrowserHost"/> and a page in it; and what their tests
/// share: a full-page screenshot and the content-security-policy violations a page reports.
/// </summary>
public abstract class BrowserTestBase(BrowserHost host) : IClassFixture<BrowserHost>, IAsyncLifetime
{
    protected WebApplication App { get; private set; } = null!;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    protected string Url => App.Urls.First();

    /// <summary>The dashboard's options (its store and catalogue) for this class's tests.</summary>
    protected abstract Task<DashboardOptions> OptionsAsync();

    /// <summary>The dashboard's command-line arguments (settings) for this class's tests; none by default.</summary>
    protected virtual string[] Arguments => [];

    public virtual async Task InitializeAsync()
    {
        App = DashboardApp.Build(Arguments, await OptionsAsync(), ["http://127.0.0.1:0"]);
        await App.StartAsync();
        Context = await host.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 }, AcceptDownloads = true });
        Page = await Context.NewPageAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        // Stopped before disposed, as the server stops: the audit writer's last batch is written while the store is open.
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>A full-page screenshot of the page into <see cref="BrowserHost.Screenshots"/>.</summary>
    protected Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.Screenshots, name), FullPage = true });

    /// <summary>
    /// From now on, every content-security-policy violation and script error of the page's context, as it is reported
    /// (the list fills while the test runs).
    /// </summary>
    protected async Task<List<string>> WatchPolicyViolationsAsync()
    {
        var violations = new List<string>();
        await Context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));");
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("CSP violation", StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        Page.PageError += (_, error) => violations.Add(error);
        return violations;
    }
}
