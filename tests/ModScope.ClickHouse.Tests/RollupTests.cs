namespace ModScope.ClickHouse.Tests;

/// <summary>The rollup checks on the two-shard 18.16 cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RollupTests(ClusterFixture fixture) : RollupChecks(fixture);
