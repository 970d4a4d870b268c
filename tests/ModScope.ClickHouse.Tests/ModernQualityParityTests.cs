namespace ModScope.ClickHouse.Tests;

/// <summary>The data-quality parity checks on a current ClickHouse (26.7 through chdb, one node).</summary>
[Collection(ChdbCollection.Name)]
public sealed class ModernQualityParityTests(ModernQualityData data) : QualityParityChecks(data), IClassFixture<ModernQualityData>;
