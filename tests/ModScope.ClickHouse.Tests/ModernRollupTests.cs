namespace ModScope.ClickHouse.Tests;

/// <summary>The rollup checks on a current ClickHouse (26.7 through chdb, one node).</summary>
[Collection(ChdbCollection.Name)]
public sealed class ModernRollupTests(ChdbFixture fixture) : RollupChecks(fixture);
