namespace ModScope.ClickHouse.Tests;

/// <summary>The parity checks on a current ClickHouse (26.7 through chdb, one node, its Distributed tables over a one-shard cluster).</summary>
[Collection(ChdbCollection.Name)]
public sealed class ModernParityTests(ChdbFixture fixture) : ParityChecks(fixture)
{
    [Fact]
    public async Task The_server_is_a_current_release()
    {
        var rows = await fixture.ClickHouse.QueryAsync("SELECT version()", new Dictionary<string, object?>());

        Assert.StartsWith("26.", (string)rows[0][0]!, StringComparison.Ordinal);
    }
}
