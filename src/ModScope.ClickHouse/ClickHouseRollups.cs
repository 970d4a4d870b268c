using System.Globalization;
using DuckDB.NET.Data;
using ModScope.Catalog;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Query.Rollups;

namespace ModScope.ClickHouse;

/// <summary>
/// Keeps each of the catalogue's rollups on a ClickHouse cluster equal to its rebuild from the raw rows, around each load
/// of <see cref="ClickHouseLoader"/>. The tables are the DuckDB store's (<see cref="RollupLayout"/>: the planner's own
/// statements, here in ClickHouse's dialect), each a MergeTree per node partitioned by local day under a Distributed
/// table. After the load's rows and files are on the cluster, the days it touched (<see cref="ClickHouseTouchedDays"/>,
/// read once per time zone for all rollups) are dropped on every node (a partition drop is immediate; 18.16's deletes
/// are asynchronous mutations) and aggregated again from raw by an INSERT ... SELECT of the table's statement. A rollup is
/// rebuilt whole when the cluster has none of that name, when it was built for another layout, when it missed a load (one
/// without a catalogue, or one that failed before its state was written) or when the load brought reference rows; each
/// rollup has its own state rows. ClickHouse has no transaction: until the state row of this load is written a rollup is
/// behind the cluster's files, so the door reads raw (or another, current rollup) meanwhile (and after a failure).
/// </summary>
internal sealed class ClickHouseRollups : IAsyncDisposable
{
    private readonly ClickHouseEngine _engine;
    private readonly MetricCatalog _catalog;
    private readonly IReadOnlyList<(RollupDefinition Rollup, ClickHouseTouchedDays? Touched)> _parts;
    private readonly IReadOnlyList<Uri> _nodes;

    private ClickHouseRollups(ClickHouseEngine engine, MetricCatalog catalog, IReadOnlyList<(RollupDefinition, ClickHouseTouchedDays?)> parts, IReadOnlyList<Uri> nodes) =>
        (_engine, _catalog, _parts, _nodes) = (engine, catalog, parts, nodes);

    /// <summary>
    /// Before the load's rows are shipped: per rollup whether it is rebuilt or refreshed, and for a refresh the days the
    /// rows under the load's keys have now. Null when the catalogue has no rollup. Each node's tables are written on the
    /// node: the nodes not named are found from <c>system.clusters</c> (<see cref="ClickHouseNodes"/>), and when one cannot
    /// be the load is refused before anything is shipped (a rollup left behind would have the door read raw unsaid).
    /// </summary>
    public static async Task<ClickHouseRollups?> PrepareAsync(ClickHouseEngine engine, MetricCatalog? catalog, DuckDBConnection stage, long storedMax,
        long floor, bool referenceChanged, CancellationToken cancellationToken)
    {
        if (catalog is null || catalog.Rollups.Count == 0)
        {
            return null;
        }
        var names = string.Join(", ", catalog.Rollups.Select(r => $"'{r.Name}'"));
        var nodes = await ClickHouseNodes.ResolveAsync(engine, cancellationToken).ConfigureAwait(false)
            ?? throw new IngestException($"The catalogue's rollups ({names}) are kept on every node of cluster '{engine.Options.Cluster}', but only " +
                $"{engine.Options.Nodes.Count} of its nodes' HTTP URLs are known and the others could not be found from system.clusters (no server " +
                $"answers as that node at its TCP port moved by {engine.Options.Url}'s offset); name every node's HTTP URL with --nodes URL1,URL2,...");
        var parts = new List<(RollupDefinition, ClickHouseTouchedDays?)>();
        // One set of touched days per time zone: the rollups' tables have the same sources and dating columns.
        var byZone = new Dictionary<string, ClickHouseTouchedDays>(StringComparer.Ordinal);
        try
        {
            foreach (var rollup in catalog.Rollups)
            {
                var layout = new RollupLayout(catalog, rollup, engine.Dialect);
                var stored = await engine.ReadRollupAsync(rollup.Name, cancellationToken).ConfigureAwait(false);
                if (stored is null || stored.LayoutHash != layout.Hash || stored.LoadId != storedMax || referenceChanged)
                {
                    parts.Add((rollup, null));
                    continue;
                }
                if (!byZone.TryGetValue(rollup.TimeZone, out var touched))
                {
                    byZone[rollup.TimeZone] = touched = new ClickHouseTouchedDays(engine, catalog, rollup);
                    await touched.SendKeysAsync(stage, floor, layout.Tables.Select(t => t.Source), cancellationToken).ConfigureAwait(false);
                    await touched.ReadAsync(engine.Dialect, layout.Tables.Select(t => (t.Source, t.Time)), cancellationToken).ConfigureAwait(false);
                }
                parts.Add((rollup, touched));
            }
        }
        catch
        {
            foreach (var touched in byZone.Values)
            {
                await touched.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
        return new ClickHouseRollups(engine, catalog, parts, nodes);
    }

    /// <summary>After the load's rows and files are on the cluster: per rollup the touched days (or all) aggregated again, then its state.</summary>
    public async Task MaintainAsync(CancellationToken cancellationToken)
    {
        // The dialect as the door will read: its lookups hold the reference rows this load may have shipped.
        var dialect = _engine.Dialect;
        foreach (var touched in Touched)
        {
            var layout = new RollupLayout(_catalog, _parts.First(p => p.Touched == touched).Rollup, dialect);
            await touched.ReadAsync(dialect, layout.Tables.Select(t => (t.Source, t.Time)), cancellationToken).ConfigureAwait(false);
        }
        var files = await _engine.QueryAsync("SELECT toInt64(max(file_id)) FROM files", new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
        foreach (var (rollup, touched) in _parts)
        {
            var layout = new RollupLayout(_catalog, rollup, dialect);
            foreach (var table in layout.Tables)
            {
                if (touched is null)
                {
                    await RebuildAsync(rollup, table, dialect, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                foreach (var days in TouchedDays.Runs(touched.Of(table)))
                {
                    await RefreshAsync(table, days with { TimeZone = rollup.TimeZone }, cancellationToken).ConfigureAwait(false);
                }
            }
            var state = new Dictionary<string, object?>
            {
                ["p0"] = rollup.Name, ["p1"] = layout.Hash, ["p2"] = rollup.TimeZone, ["p3"] = Convert.ToInt64(files[0][0], CultureInfo.InvariantCulture),
                ["p4"] = DateTime.UtcNow,
            };
            await _engine.ExecuteAsync(ClickHouseLiterals.Bind($"INSERT INTO {Database}.rollups VALUES ({{p0}}, {{p1}}, {{p2}}, {{p3}}, {{p4}})", state), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private IEnumerable<ClickHouseTouchedDays> Touched => _parts.Select(p => p.Touched).OfType<ClickHouseTouchedDays>().Distinct();

    public async ValueTask DisposeAsync()
    {
        foreach (var touched in Touched)
        {
            await touched.DisposeAsync().ConfigureAwait(false);
        }
    }

    private string Database => _engine.Options.Database;

    /// <summary>The table made anew on every node (its columns are its statement's), then filled from every row.</summary>
    private async Task RebuildAsync(RollupDefinition rollup, RollupTable table, ISqlDialect dialect, CancellationToken cancellationToken)
    {
        var span = await SpanAsync(rollup, table, dialect, cancellationToken).ConfigureAwait(false);
        var shape = table.Build(new Period(new DateTime(2000, 1, 1), new DateTime(2000, 1, 2), rollup.TimeZone, "shape"));
        await OnEveryNodeAsync(async node =>
        {
            await node.ExecuteAsync($"DROP TABLE IF EXISTS {Database}.{table.Name}", cancellationToken).ConfigureAwait(false);
            await node.ExecuteAsync($"DROP TABLE IF EXISTS {Database}.{table.Name}_local", cancellationToken).ConfigureAwait(false);
            // assumeNotNull: a day read through a join is Nullable, which a partition key may not be (it never is NULL).
            await node.ExecuteAsync($"CREATE TABLE {Database}.{table.Name}_local ENGINE = MergeTree PARTITION BY toYYYYMMDD(assumeNotNull(k0)) " +
                $"ORDER BY tuple() AS SELECT * FROM ({ClickHouseLiterals.Bind(shape.Sql, shape.Parameters)}) LIMIT 0", cancellationToken).ConfigureAwait(false);
            await node.ExecuteAsync($"CREATE TABLE {Database}.{table.Name} AS {Database}.{table.Name}_local " +
                $"ENGINE = Distributed({_engine.Options.Cluster}, {Database}, {table.Name}_local, rand())", cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        if (span is not null)
        {
            await InsertAsync(table, span, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The table's rows of <paramref name="days"/> dropped on every node and aggregated again.</summary>
    private async Task RefreshAsync(RollupTable table, Period days, CancellationToken cancellationToken)
    {
        var partitions = new List<string>();
        for (var day = days.Start; day < days.End; day = day.AddDays(1))
        {
            partitions.Add("DROP PARTITION " + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        }
        // One ALTER per node for the run (a day without rows has no partition: dropping it does nothing).
        await OnEveryNodeAsync(node => node.ExecuteAsync($"ALTER TABLE {Database}.{table.Name}_local {string.Join(", ", partitions)}", cancellationToken))
            .ConfigureAwait(false);
        await InsertAsync(table, days, cancellationToken).ConfigureAwait(false);
    }

    private async Task InsertAsync(RollupTable table, Period days, CancellationToken cancellationToken)
    {
        var statement = table.Build(days);
        await _engine.ExecuteAsync($"INSERT INTO {Database}.{table.Name} {ClickHouseLiterals.Bind(statement.Sql, statement.Parameters)}", cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The local days from the table's oldest row to its newest, or null when its source has none.</summary>
    private async Task<Period?> SpanAsync(RollupDefinition rollup, RollupTable table, ISqlDialect dialect, CancellationToken cancellationToken)
    {
        var scope = new RequestScope(dialect, _catalog, new MetricRequest([], [], TimeGrain.Day, [],
            new Period(new DateTime(1970, 1, 1), new DateTime(2100, 1, 1), rollup.TimeZone, "any day")));
        var parameters = new SqlParameters(dialect);
        var relation = new SourceRelation(dialect, table.Source);
        var day = scope.Bucket(relation, table.Time, parameters);
        var rows = await _engine.QueryAsync($"SELECT toInt64(count()), min({day}), max({day}) FROM {relation.From}", parameters.Values, cancellationToken)
            .ConfigureAwait(false);
        return Convert.ToInt64(rows[0][0], CultureInfo.InvariantCulture) == 0 || rows[0][1] is not DateTime first || rows[0][2] is not DateTime last
            ? null
            : new Period(first.Date, last.Date.AddDays(1), rollup.TimeZone, "all rows");
    }

    private async Task OnEveryNodeAsync(Func<ClickHouseEngine, Task> action)
    {
        foreach (var url in _nodes)
        {
            using var node = new ClickHouseEngine(_engine.Options with { Url = url });
            await action(node).ConfigureAwait(false);
        }
    }
}
