namespace ModScope.ClickHouse.Tests;

/// <summary>
/// The nodes not named are found from system.clusters: each one's HTTP port is its TCP port moved by the named node's
/// offset, kept only when the server there lists itself at that host and port (no server needed: the answers are given).
/// </summary>
public sealed class NodeDiscoveryTests
{
    private static readonly Uri Named = new("http://127.0.0.1:18123/");

    private static readonly IReadOnlyList<ClickHouseNodes.Listed> TwoShards =
        [new("127.0.0.1", 19001, Local: true), new("127.0.0.1", 19002, Local: false), new("10.0.0.7", 19001, Local: false)];

    [Fact]
    public async Task Each_node_is_found_at_its_tcp_port_moved_by_the_named_nodes_offset()
    {
        // 18123 - 19001 = -878: node 2 answers HTTP at 19002 - 878 = 18124, the remote host at 19001 - 878 = 18123.
        var asked = new List<Uri>();
        var nodes = await ClickHouseNodes.FindAsync(Named, TwoShards, url =>
        {
            asked.Add(url);
            return Task.FromResult<(string, long)?>(url.Port == 18124 ? ("127.0.0.1", 19002) : (url.Host, 19001));
        });
        Assert.Equal([Named, new Uri("http://127.0.0.1:18124/"), new Uri("http://10.0.0.7:18123/")], nodes);
        Assert.Equal([new Uri("http://127.0.0.1:18124/"), new Uri("http://10.0.0.7:18123/")], asked);
    }

    [Fact]
    public async Task A_guess_answered_by_another_node_or_by_nothing_finds_no_nodes()
    {
        Assert.Null(await ClickHouseNodes.FindAsync(Named, TwoShards, _ => Task.FromResult<(string, long)?>(("127.0.0.1", 19001))));
        Assert.Null(await ClickHouseNodes.FindAsync(Named, TwoShards, _ => Task.FromResult<(string, long)?>(null)));
        // The named server is not among those listed (another cluster's node): nothing to take an offset from.
        Assert.Null(await ClickHouseNodes.FindAsync(Named, [new("127.0.0.1", 19002, Local: false)], _ => Task.FromResult<(string, long)?>(("127.0.0.1", 19002))));
    }
}
