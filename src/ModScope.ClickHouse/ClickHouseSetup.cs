namespace ModScope.ClickHouse;

/// <summary>Creates (or drops) the ModScope tables on every node of a cluster, one node at a time (18.16 has no ON CLUSTER without ZooKeeper).</summary>
public static class ClickHouseSetup
{
    public static async Task CreateAsync(IEnumerable<Uri> nodes, string database, string cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        foreach (var node in nodes)
        {
            using var admin = new ClickHouseEngine(new ClickHouseOptions(node, "default"));
            foreach (var statement in ClickHouseSchema.Statements(database, cluster))
            {
                await admin.ExecuteAsync(statement, cancellationToken).ConfigureAwait(false);
            }
            // A database set up before a reference column existed (sites.name_zh) gets it: CREATE TABLE IF NOT EXISTS keeps old tables.
            using var own = new ClickHouseEngine(new ClickHouseOptions(node, database, cluster));
            await ReferenceColumns.EnsureAsync(own, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task DropAsync(IEnumerable<Uri> nodes, string database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        foreach (var node in nodes)
        {
            using var admin = new ClickHouseEngine(new ClickHouseOptions(node, "default"));
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {database}", cancellationToken).ConfigureAwait(false);
        }
    }
}
