using ModScope.ClickHouse;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// The two-shard loopback cluster of scripts/clickhouse-cluster.sh (ClickHouse 18.16 from Debian), with the data set of
/// <see cref="ParityDataFixture"/>: FINAL reads go to the first node, merged reads and loads to the second.
/// </summary>
public sealed class ClusterFixture() : ParityDataFixture("modscope-ch-parity-")
{
    public static readonly Uri[] Nodes = [new("http://127.0.0.1:18123/"), new("http://127.0.0.1:18124/")];

    protected override IReadOnlyList<Uri> Servers => Nodes;

    protected override string ClusterName => ClickHouseOptions.DefaultCluster;

    protected override ClickHouseOptions FinalReads => new(Nodes[0], Database);

    protected override ClickHouseOptions MergedReads => new(Nodes[1], Database) { ReadFinal = false, Nodes = Nodes };

    /// <summary>One number from one node (its local tables).</summary>
    public async Task<long> CountOnNodeAsync(Uri node, string sql)
    {
        using var engine = new ClickHouseEngine(new ClickHouseOptions(node, Database));
        var rows = await engine.QueryAsync(sql, new Dictionary<string, object?>());
        return Convert.ToInt64(rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override Task StopServersAsync() => LoopbackServer.RunScriptAsync("clickhouse-cluster.sh", "stop");

    protected override async Task StartServersAsync()
    {
        var server = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "clickhouse-server")).FirstOrDefault(File.Exists);
        if (server is null)
        {
            throw new InvalidOperationException(
                "The ClickHouse parity tests need clickhouse-server: install the Debian package 'clickhouse-server' " +
                "(sudo apt-get install clickhouse-server); the tests then start the loopback cluster with scripts/clickhouse-cluster.sh.");
        }
        await LoopbackServer.RunScriptAsync("clickhouse-cluster.sh", "start");
    }
}

/// <summary>The cluster and its data set are set up once for every class that reads them.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "clickhouse cluster";
}
