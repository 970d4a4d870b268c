using System.Globalization;

namespace ModScope.ClickHouse;

/// <summary>
/// Changes to stored rows on every node: <c>ALTER TABLE … UPDATE / DELETE</c> mutations of the local tables (18.16 has
/// neither ON CLUSTER without ZooKeeper nor lightweight deletes), run on each node given and waited for, so the
/// load that issues them ends with them applied (18.16 has no <c>mutations_sync</c>: <c>system.mutations</c> is polled).
/// A mutation reaches only the nodes it is run on, so the loader passes every node (<see cref="ClickHouseNodes"/>).
/// </summary>
internal static class NodeMutations
{
    /// <summary>How long a node may take to apply a load's mutations before the load stops saying so.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>Runs each statement (naming a <c>*_local</c> table of the options' database) on each of <paramref name="nodes"/>, then waits until each has applied them.</summary>
    public static async Task RunAsync(ClickHouseEngine engine, IReadOnlyList<Uri> nodes, IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return;
        }
        var database = ClickHouseLiterals.Quote(engine.Options.Database);
        foreach (var node in nodes)
        {
            using var admin = new ClickHouseEngine(engine.Options with { Url = node });
            foreach (var statement in statements)
            {
                await admin.ExecuteAsync(statement, cancellationToken).ConfigureAwait(false);
            }
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                var open = await admin.QueryAsync($"SELECT table, command FROM system.mutations WHERE database = {database} AND is_done = 0 LIMIT 1",
                    new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
                if (open.Count == 0)
                {
                    break;
                }
                if (waited.Elapsed > Patience)
                {
                    throw new ClickHouseException($"ClickHouse at {node} has not applied the mutation of table {open[0][0]} ({open[0][1]}) " +
                        $"after {Patience.TotalMinutes} minutes; see system.mutations there.");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
