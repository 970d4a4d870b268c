using ModScope.Catalog;
using ModScope.Ingest;
using ModScope.Synthetic;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// On the two-shard 18.16 cluster: a load that keeps the rollup through an engine naming one node, reached at a port that
/// is not its own, cannot find the other node (its HTTP port guessed from the wrong offset answers as no node), so it is
/// refused naming --nodes before anything reaches the cluster.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NodeRefusalTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_load_whose_other_node_cannot_be_found_is_refused_naming_nodes_and_writes_nothing()
    {
        await using var database = await fixture.ScratchDatabaseAsync("refusal");
        var data = Path.Combine(fixture.Folder, "refusal-data");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days: 1, DecisionsPerDay: 20, Seed: 3));
        var decisions = Directory.GetFiles(data, "decisions-*.csv");
        Assert.NotEmpty(decisions);

        // Node 1 at a port of the forwarder's: the offset to its TCP port 19001 is not 18123's, so node 2's guessed HTTP
        // port is the forwarder's port + 1, where no node answers.
        await using var forwarder = new PortForwarder(ClusterFixture.Nodes[0]);
        using var engine = new ClickHouseEngine(database.Final.Options with { Url = forwarder.Url, Nodes = [forwarder.Url] });
        var loader = new ClickHouseLoader(engine) { Catalog = CatalogLoader.LoadDefault() };
        var refused = await Assert.ThrowsAsync<IngestException>(() => loader.IngestAsync(decisions, new IngestOptions()));
        Assert.Contains("cluster 'two_shards'", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"{engine.Options.Url}'s offset", refused.Message, StringComparison.Ordinal);
        Assert.Contains("name every node's HTTP URL with --nodes", refused.Message, StringComparison.Ordinal);

        // Nothing half-written: the database's tables are on both nodes, and none holds a data part (rows, files, reference or rollup).
        var where = $"database = {ClickHouseLiterals.Quote(engine.Options.Database)}";
        foreach (var node in ClusterFixture.Nodes)
        {
            Assert.True(await fixture.CountOnNodeAsync(node, $"SELECT toInt64(count()) FROM system.tables WHERE {where}") > 0, $"{node} has the tables");
            Assert.Equal(0, await fixture.CountOnNodeAsync(node, $"SELECT toInt64(count()) FROM system.parts WHERE active AND {where}"));
        }
    }
}
