using Microsoft.Extensions.Configuration;

namespace ModScope.Web.Tests;

/// <summary>Limits travel as settings: only those changed from the defaults, so the environment's stay in force; bad values are refused naming the key.</summary>
public sealed class DashboardLimitsTests
{
    [Fact]
    public void Only_changed_limits_become_settings_and_read_back_over_the_others()
    {
        var limits = new DashboardLimits() with { MaxResultCells = 1234, ExpensiveQueue = 0 };

        var settings = limits.ToSettings().ToList();
        var environment = new Dictionary<string, string?> { ["ModScope:Limits:AuthenticationPermits"] = "7", ["ModScope:Limits:MaxResultCells"] = "99" };
        var read = DashboardLimits.Read(new ConfigurationBuilder().AddInMemoryCollection(environment).AddInMemoryCollection(settings).Build());

        Assert.Equal(["ModScope:Limits:MaxResultCells", "ModScope:Limits:ExpensiveQueue"], settings.Select(s => s.Key));
        Assert.Equal(new DashboardLimits() with { MaxResultCells = 1234, ExpensiveQueue = 0, AuthenticationPermits = 7 }, read);
    }

    [Theory]
    [InlineData("MaxResultCells", "0")]
    [InlineData("ExpensiveConcurrency", "-3")]
    [InlineData("CacheMegabytes", "lots")]
    [InlineData("AuthenticationWindowSeconds", "99999999999")]
    public void A_bad_limit_is_refused_naming_its_key(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"ModScope:Limits:{key}"] = value }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => DashboardLimits.Read(configuration));

        Assert.Contains($"ModScope:Limits:{key}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }
}
