namespace ModScope.Web.Tests;

/// <summary>API and browser tests share one generated store (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardStore>
{
    public const string Name = "dashboard";
}
