namespace ModScope.Tests.Reports;

/// <summary>The tests that share one generated store and its composed reports (built once).</summary>
[CollectionDefinition(Name)]
public sealed class ReportStoreCollection : ICollectionFixture<ReportFixture>
{
    public const string Name = "report store";
}
