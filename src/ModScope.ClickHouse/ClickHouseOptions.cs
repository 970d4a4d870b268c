namespace ModScope.ClickHouse;

/// <summary>Where the ClickHouse cluster answers: any node's HTTP URL, the database and the cluster name (remote_servers).</summary>
public sealed record ClickHouseOptions(Uri Url, string Database = ClickHouseOptions.DefaultDatabase, string Cluster = ClickHouseOptions.DefaultCluster)
{
    public const string DefaultDatabase = "modscope";
    public const string DefaultCluster = "two_shards";

    /// <summary>The loopback cluster of scripts/clickhouse-cluster.sh.</summary>
    public static ClickHouseOptions Loopback { get; } = new(new Uri("http://127.0.0.1:18123/"));

    /// <summary>
    /// Read with FINAL (default): a re-delivered row counts once at every moment, but FINAL is slow on 18.16. When
    /// false, reads skip it and the loader merges every partition it loaded into on each of <see cref="Nodes"/>.
    /// </summary>
    public bool ReadFinal { get; init; } = true;

    /// <summary>HTTP URLs of every node (for merging partitions after a load when <see cref="ReadFinal"/> is false).</summary>
    public IReadOnlyList<Uri> Nodes { get; init; } = [Url];

    /// <summary>Seconds a statement may run before the server stops it.</summary>
    public int MaxExecutionSeconds { get; init; } = 600;
}
