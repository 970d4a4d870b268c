using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ModScope.Web.Tests;

/// <summary>The dashboard in a test server on the shared store, with an analyst token and one viewer user.</summary>
public sealed class DashboardFactory(DashboardStore store) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in store.Options.ToSettings())
        {
            builder.UseSetting(key, value);
        }
    }
}
