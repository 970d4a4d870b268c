namespace ModScope.ClickHouse.Tests;

/// <summary>The parity checks on the two-shard 18.16 cluster (data spread over both shards).</summary>
[Collection(ClusterCollection.Name)]
public sealed class ParityTests(ClusterFixture fixture) : ParityChecks(fixture);
