namespace ModScope.Engines.ClickHouse;

/// <summary>Where the ClickHouse cluster answers: any node's HTTP URL, the database and the cluster name (remote_servers).</summary>
public sealed record ClickHouseOptions(Uri Url, string Database = ClickHouseOptions.DefaultDatabase, string Cluster = ClickHouseOptions.DefaultCluster)
{
    public const string DefaultDatabase = "modscope";
    public const string DefaultCluster = "two_shards";

    /// <summary>The loopback cluster of scripts/clickhouse-cluster.sh.</summary>
    public static ClickHouseOptions Loopback { get; } = new(new Uri("http://127.0.0.1:18123/"));

    /// <summary>Seconds a statement may run before the server stops it.</summary>
    public int MaxExecutionSeconds { get; init; } = 600;
}
