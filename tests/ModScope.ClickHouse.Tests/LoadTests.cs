using ModScope.Ingest;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// Loading into the two-shard 18.16 cluster: the checks of <see cref="LoadChecks"/>, and rows land on both shards.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LoadTests(ClusterFixture fixture) : LoadChecks(fixture)
{
    [Fact]
    public async Task Rows_are_spread_over_both_shards_and_add_up_to_the_files()
    {
        var linesInFiles = Directory.GetFiles(fixture.Data, "decisions*.csv").Sum(f => File.ReadLines(f).Count() - 1);

        var perNode = new List<long>();
        foreach (var node in ClusterFixture.Nodes)
        {
            perNode.Add(await fixture.CountOnNodeAsync(node, "SELECT count() FROM decisions_local FINAL"));
            Assert.True(await fixture.CountOnNodeAsync(node, "SELECT count() FROM qa_audits_local FINAL") > 0, $"no audits on {node}");
        }

        Assert.All(perNode, n => Assert.True(n > 0, $"a shard holds no decisions: {string.Join(", ", perNode)}"));
        Assert.Equal(linesInFiles, perNode.Sum());
        Assert.Equal(fixture.DuckDbLoad.RowsLoaded, fixture.ClickHouseLoad.RowsLoaded);
    }

    [Fact]
    public async Task Loading_into_a_cluster_the_server_does_not_know_names_it_and_the_known_ones()
    {
        using var engine = new ModScope.ClickHouse.ClickHouseEngine(new ModScope.ClickHouse.ClickHouseOptions(ClusterFixture.Nodes[0], fixture.Database, "three_shards"));

        var error = await Assert.ThrowsAsync<ModScope.ClickHouse.ClickHouseException>(() =>
            new ModScope.ClickHouse.ClickHouseLoader(engine).IngestAsync([fixture.Data], new IngestOptions()));

        Assert.Contains("no cluster 'three_shards'", error.Message, StringComparison.Ordinal);
        Assert.Contains("two_shards", error.Message, StringComparison.Ordinal);
    }
}
