namespace ModScope.Tests.Synthetic;

/// <summary>Test classes that read the data set with incidents (generated once).</summary>
[CollectionDefinition(Name)]
public sealed class IncidentDataSetCollection : ICollectionFixture<IncidentDataSetFixture>
{
    public const string Name = "Synthetic data set with incidents";
}
