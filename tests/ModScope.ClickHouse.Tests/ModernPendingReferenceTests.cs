namespace ModScope.ClickHouse.Tests;

/// <summary>Waiting reference rows and waiting decisions of one id, on a current ClickHouse (26.7 through chdb, one node).</summary>
[Collection(ChdbCollection.Name)]
public sealed class ModernPendingReferenceTests(ChdbFixture fixture) : PendingReferenceChecks(fixture);
