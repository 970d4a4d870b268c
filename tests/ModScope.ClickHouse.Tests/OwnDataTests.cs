namespace ModScope.ClickHouse.Tests;

/// <summary>A team's own data on the two-shard 18.16 cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OwnDataTests(ClusterFixture fixture) : OwnDataChecks(fixture);
