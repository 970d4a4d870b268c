namespace ModScope.ClickHouse.Tests;

/// <summary>The load checks on a current ClickHouse (26.7 through chdb, one node).</summary>
[Collection(ChdbCollection.Name)]
public sealed class ModernLoadTests(ChdbFixture fixture) : LoadChecks(fixture);
