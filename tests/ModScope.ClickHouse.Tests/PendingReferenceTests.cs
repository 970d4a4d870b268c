namespace ModScope.ClickHouse.Tests;

/// <summary>Waiting reference rows and waiting decisions of one id, on the two-shard 18.16 cluster, loaded through one node.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PendingReferenceTests(ClusterFixture fixture) : PendingReferenceChecks(fixture);
