using ModScope.ClickHouse;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// A current ClickHouse (26.7, embedded by npm chdb) behind scripts/chdb-http.sh on one loopback port (the first start
/// installs chdb with npm), over its one-shard cluster, with the data set of <see cref="ParityDataFixture"/>.
/// </summary>
public sealed class ChdbFixture() : ParityDataFixture("modscope-chdb-parity-")
{
    private const string NeedsNode = "; the modern-ClickHouse tests need node and npm (npm install chdb@3.4.0)";

    public const string Cluster = "one_shard";
    public static readonly Uri Url = new($"http://127.0.0.1:{Environment.GetEnvironmentVariable("MODSCOPE_CHDB_PORT") ?? "18130"}/");

    protected override IReadOnlyList<Uri> Servers => [Url];

    protected override string ClusterName => Cluster;

    protected override ClickHouseOptions FinalReads => new(Url, Database, Cluster);

    protected override ClickHouseOptions MergedReads => new(Url, Database, Cluster) { ReadFinal = false, Nodes = [Url] };

    protected override Task StartServersAsync() => LoopbackServer.RunScriptAsync("chdb-http.sh", "start", NeedsNode);

    protected override Task StopServersAsync() => LoopbackServer.RunScriptAsync("chdb-http.sh", "stop", NeedsNode);
}

/// <summary>The chdb server and its data set are set up once for every class that reads them.</summary>
[CollectionDefinition(Name)]
public sealed class ChdbCollection : ICollectionFixture<ChdbFixture>
{
    public const string Name = "modern clickhouse (chdb)";
}
