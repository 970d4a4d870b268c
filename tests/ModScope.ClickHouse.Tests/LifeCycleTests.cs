namespace ModScope.ClickHouse.Tests;

/// <summary>What a load leaves behind, on the two-shard 18.16 cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LifeCycleTests(ClusterFixture fixture) : LifeCycleChecks(fixture);
