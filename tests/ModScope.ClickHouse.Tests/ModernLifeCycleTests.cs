namespace ModScope.ClickHouse.Tests;

/// <summary>What a load leaves behind, on a current ClickHouse (26.7 through chdb, one node).</summary>
[Collection(ChdbCollection.Name)]
public sealed class ModernLifeCycleTests(ChdbFixture fixture) : LifeCycleChecks(fixture);
