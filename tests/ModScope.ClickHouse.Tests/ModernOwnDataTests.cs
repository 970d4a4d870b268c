namespace ModScope.ClickHouse.Tests;

/// <summary>A team's own data on a current ClickHouse (26.7 through chdb, one node).</summary>
[Collection(ChdbCollection.Name)]
public sealed class ModernOwnDataTests(ChdbFixture fixture) : OwnDataChecks(fixture);
