namespace ModScope.ClickHouse.Tests;

/// <summary>The data-quality parity checks on the two-shard 18.16 cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QualityParityTests(QualityData data) : QualityParityChecks(data), IClassFixture<QualityData>;
