using ModScope.Ingest;
using ModScope.Tests.Sources;

namespace ModScope.ClickHouse.Tests;

/// <summary>A team's own data on the two-shard 18.16 cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OwnDataTests(ClusterFixture fixture) : OwnDataChecks(fixture)
{
    [Fact]
    public async Task A_mapping_with_extra_columns_is_refused_when_not_every_node_of_the_cluster_is_named()
    {
        await using var database = await fixture.ScratchDatabaseAsync("nodes");
        // The FINAL-reading engine knows only its own node of the two.
        Assert.Single(database.Final.Options.Nodes);

        var error = await Assert.ThrowsAsync<IngestException>(() =>
            new ClickHouseLoader(database.Final).IngestAsync(BazaarData.Inputs, new IngestOptions(Mapping: BazaarData.Mapping())));

        Assert.Equal($"{BazaarData.MappingFile}: extra columns are added to the tables of every node of cluster 'two_shards', but only 1 node URL is known; " +
            "name every node's HTTP URL with --nodes URL1,URL2,...", error.Message);
        // Refused before anything was written, on either node.
        foreach (var node in ClusterFixture.Nodes)
        {
            Assert.Equal(0, await fixture.CountOnNodeAsync(node, $"SELECT count() FROM {database.Final.Options.Database}.files_local"));
        }
    }
}
