using ModScope.ClickHouse;
using ModScope.Ingest;

namespace ModScope.ClickHouse.Tests;

/// <summary>The load checks on a current ClickHouse (26.7 through chdb, one node).</summary>
[Collection(ChdbCollection.Name)]
public sealed class ModernLoadTests(ChdbFixture fixture) : LoadChecks(fixture)
{
    [Fact]
    public async Task Loading_into_a_cluster_the_server_does_not_know_names_it_and_the_known_ones()
    {
        using var engine = new ClickHouseEngine(new ClickHouseOptions(ChdbFixture.Url, fixture.Database, ClickHouseOptions.DefaultCluster));

        var error = await Assert.ThrowsAsync<ClickHouseException>(() => new ClickHouseLoader(engine).IngestAsync([fixture.Data], new IngestOptions()));

        Assert.Contains($"no cluster '{ClickHouseOptions.DefaultCluster}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(ChdbFixture.Cluster, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_statement_names_the_server_and_its_error()
    {
        var error = await Assert.ThrowsAsync<ClickHouseException>(() =>
            fixture.ClickHouse.QueryAsync("SELECT no_such_function(1)", new Dictionary<string, object?>()));

        Assert.Contains($"ClickHouse at {ChdbFixture.Url} refused 'SELECT no_such_function(1)'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Code: 46. DB::Exception", error.Message, StringComparison.Ordinal);
    }
}
