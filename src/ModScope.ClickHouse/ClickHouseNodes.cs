using System.Globalization;

namespace ModScope.ClickHouse;

/// <summary>
/// Every node of the cluster, for work done on each node's own tables (the rollup's): the nodes named (<c>--nodes</c>)
/// when they are as many as <c>system.clusters</c> lists, else found from it. ClickHouse lists each node's host and TCP
/// port, not its HTTP port, so a node's HTTP port is taken to be its TCP port moved by the named node's own offset
/// (9000 and 8123 on every host; 19001/18123 and 19002/18124 on the loopback cluster), and each guess is kept only when
/// the server answering there lists itself (<c>is_local</c>) at that host and TCP port. Null when a node cannot be found so.
/// </summary>
internal static class ClickHouseNodes
{
    /// <summary>How long a guessed URL may take to answer.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A node as <c>system.clusters</c> lists it: host address, TCP port, whether it is the server asked.</summary>
    internal sealed record Listed(string Host, long Port, bool Local);

    /// <summary>The HTTP URL of every node of the engine's cluster, or null when some cannot be found.</summary>
    public static async Task<IReadOnlyList<Uri>?> ResolveAsync(ClickHouseEngine engine, CancellationToken cancellationToken)
    {
        var listed = await ListedAsync(engine.Options, cancellationToken).ConfigureAwait(false);
        if (listed is null || listed.Count <= engine.Options.Nodes.Count)
        {
            return engine.Options.Nodes;
        }
        return await FindAsync(engine.Options.Url, listed, url => SelfAsync(engine.Options with { Url = url }, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Each listed node's URL from <paramref name="named"/>'s offset, each guess confirmed by <paramref name="self"/> (the node it reaches).</summary>
    public static async Task<IReadOnlyList<Uri>?> FindAsync(Uri named, IReadOnlyList<Listed> listed, Func<Uri, Task<(string Host, long Port)?>> self)
    {
        ArgumentNullException.ThrowIfNull(named);
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(self);
        var own = listed.Where(n => n.Local).ToList();
        if (own.Count != 1)
        {
            return null;
        }
        var offset = named.Port - own[0].Port;
        var nodes = new List<Uri>();
        foreach (var node in listed)
        {
            if (node.Local)
            {
                nodes.Add(named);
                continue;
            }
            var port = node.Port + offset;
            if (port is <= 0 or > 65535)
            {
                return null;
            }
            var url = new UriBuilder(named) { Host = node.Host, Port = (int)port }.Uri;
            if (await self(url).ConfigureAwait(false) != (node.Host, node.Port))
            {
                return null;
            }
            nodes.Add(url);
        }
        return nodes;
    }

    private static async Task<IReadOnlyList<Listed>?> ListedAsync(ClickHouseOptions options, CancellationToken cancellationToken)
    {
        using var engine = new ClickHouseEngine(options);
        var rows = await engine.QueryAsync("SELECT host_address, toInt64(port), toInt64(is_local) FROM system.clusters WHERE cluster = {p0} ORDER BY shard_num, replica_num",
            new Dictionary<string, object?> { ["p0"] = options.Cluster }, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows.Select(r => new Listed((string)r[0]!, Long(r[1]), Long(r[2]) == 1)).ToList();
    }

    /// <summary>The host and TCP port the server at the URL lists itself at, or null when nothing (or not one node) answers there.</summary>
    private static async Task<(string Host, long Port)?> SelfAsync(ClickHouseOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using var probe = new ClickHouseEngine(options with { Database = "system" });
            var rows = await probe.QueryAsync("SELECT host_address, toInt64(port) FROM system.clusters WHERE cluster = {p0} AND is_local = 1",
                new Dictionary<string, object?> { ["p0"] = options.Cluster }, timeout.Token).ConfigureAwait(false);
            return rows.Count == 1 ? ((string)rows[0][0]!, Long(rows[0][1])) : null;
        }
        catch (Exception ex) when (ex is ClickHouseException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
