using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ModScope.Web.Tests;

/// <summary>
/// The dashboard in a test server on the shared store, with an analyst token and one viewer user; <paramref name="settings"/>
/// adds or overrides configuration (limits, allowed hosts) for one test class.
/// </summary>
public sealed class DashboardFactory(DashboardOptions options, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public DashboardFactory(DashboardStore store, IReadOnlyDictionary<string, string?>? settings = null)
        : this(store.Options, settings)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in options.ToSettings())
        {
            builder.UseSetting(key, value);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
