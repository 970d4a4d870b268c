namespace ModScope.ClickHouse.Tests;

/// <summary>The data set of <see cref="QualityData"/> on the current ClickHouse of <see cref="ChdbFixture"/>.</summary>
public sealed class ModernQualityData() : QualityData([ChdbFixture.Url], ChdbFixture.Cluster);
