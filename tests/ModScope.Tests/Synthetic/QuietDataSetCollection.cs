namespace ModScope.Tests.Synthetic;

/// <summary>Test classes that read the quiet data set (generated once).</summary>
[CollectionDefinition(Name)]
public sealed class QuietDataSetCollection : ICollectionFixture<QuietDataSetFixture>
{
    public const string Name = "Synthetic quiet data set";
}
