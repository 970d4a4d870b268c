using System.Text;
using DuckDB.NET.Data;
using ModScope.Catalog;
using ModScope.Ingest;
using ModScope.Model;
using ModScope.Query;
using ModScope.Store;

namespace ModScope.ClickHouse;

/// <summary>
/// Loads event files into ClickHouse through the same validation and quarantine rules as the DuckDB store:
/// files already loaded (same SHA-256, recorded in ClickHouse) are skipped; the rest are staged and checked by
/// the ordinary <see cref="Ingestor"/> in a temporary DuckDB store (staged again on top of the stored rows of keys
/// ClickHouse already holds, see <see cref="StoredRows"/>, so a re-delivery is replaced or rejected as on DuckDB);
/// then accepted rows, quarantined rows and file records are shipped to the Distributed tables in TSV batches. A key stored twice counts once at query time:
/// tables are ReplacingMergeTree read with FINAL, the highest <c>__rank</c> winning (a decision's higher version,
/// else the earlier file, as the DuckDB store keeps).
/// </summary>
public sealed class ClickHouseLoader(ClickHouseEngine engine)
{
    /// <summary>The catalogue whose rollup each load keeps (<see cref="ClickHouseRollups"/>); without one the rollup falls behind and the door reads raw.</summary>
    public MetricCatalog? Catalog { get; init; }

    /// <summary>Rows per INSERT.</summary>
    public int BatchRows { get; init; } = 200_000;

    public async Task<IngestResult> IngestAsync(IReadOnlyList<string> paths, IngestOptions options, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var extra = ClickHouseExtraColumns.Of(options.Mapping);
        await CheckClusterAsync(cancellationToken).ConfigureAwait(false);
        var files = InputResolver.Resolve(paths, options.Table);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hashes[file.Path] = await FileHasher.HashAsync(file.Path, cancellationToken).ConfigureAwait(false);
        }
        var known = await KnownHashesAsync(hashes.Values.Distinct().ToList(), cancellationToken).ConfigureAwait(false);
        var fresh = files.Where(f => !known.Contains(hashes[f.Path])).ToList();
        var skipped = files.Where(f => known.Contains(hashes[f.Path])).Select(f => new FileResult(f.Path, f.Table.Name, f.Format, FileStatus.AlreadyLoaded,
            0, 0, 0, 0, 0, new Dictionary<string, long>(), "same content was already loaded")).ToList();
        if (fresh.Count == 0)
        {
            return new IngestResult(null, skipped, 0);
        }

        // Events and reference files are checked against the cluster's own reference rows (a new cluster: the shipped defaults).
        var (_, reference) = await ClickHouseReference.ReadAsync(engine, cancellationToken).ConfigureAwait(false);
        var shipReference = !StagedReference.Seeded(reference) || fresh.Any(f => Tables.IsReference(f.Table));
        if (shipReference)
        {
            // Tables are shipped in the model's column order: a database set up before a column existed (sites.name_zh) gets it first.
            var nodes = await ClickHouseNodes.ResolveAsync(engine, cancellationToken).ConfigureAwait(false) ?? engine.Options.Nodes;
            await ReferenceColumns.EnsureAsync(engine.Options, nodes, cancellationToken).ConfigureAwait(false);
        }
        // Decisions and staffing rows waiting on the cluster for a code: staged again, so this load releases them as on DuckDB.
        var waiting = await WaitingRows.ReadAsync(engine, reference, cancellationToken).ConfigureAwait(false);
        var storedMax = await ScalarLongAsync("SELECT toInt64(max(file_id)) FROM files", cancellationToken).ConfigureAwait(false);
        if (options.Mapping is not null)
        {
            await ClickHouseExtraColumns.EnsureAsync(engine, options.Mapping, extra, cancellationToken).ConfigureAwait(false);
        }
        var folder = Directory.CreateTempSubdirectory("modscope-ch-stage-");
        try
        {
            var freshPaths = fresh.Select(f => f.Path).ToList();
            using var first = ModScopeStore.Open(Path.Combine(folder.FullName, "stage.duckdb"));
            using (var seeding = first.OpenConnection())
            {
                StagedReference.Seed(seeding, reference);
                if (waiting.Any)
                {
                    // Waiting rows keep their global file ids: the stage numbers its files after the stored ones.
                    new StoredRows(engine).Seed(seeding, storedMax);
                    waiting.Seed(seeding);
                }
            }
            var staged = await new Ingestor(first).IngestAsync(freshPaths, options, progress, cancellationToken).ConfigureAwait(false);
            // Keys already stored: stage again on top of their stored rows, so replacements and duplicates are judged as on DuckDB.
            var stored = new StoredRows(engine);
            using (var keys = first.OpenConnection())
            {
                await stored.FindAsync(keys, storedMax, cancellationToken).ConfigureAwait(false);
            }
            using var seeded = stored.Any ? ModScopeStore.Open(Path.Combine(folder.FullName, "seeded.duckdb")) : null;
            if (seeded is not null)
            {
                using (var seeding = seeded.OpenConnection())
                {
                    StagedReference.Seed(seeding, reference);
                    stored.Seed(seeding, storedMax);
                    waiting.Seed(seeding);
                }
                staged = await new Ingestor(seeded).IngestAsync(freshPaths, options, progress, cancellationToken).ConfigureAwait(false);
            }
            // Without seeds the stage numbers files from 1 (shipped after the stored ones); with seeds, after storedMax already.
            var (offset, floor) = seeded is null && !waiting.Any ? (storedMax, 0L) : (0L, storedMax);
            using var connection = (seeded ?? first).OpenConnection();
            var released = await ReleaseToStoredDecisionsAsync(connection, cancellationToken).ConfigureAwait(false);
            // Whole tables as a new generation (committed below, once every other row is in): the cluster's rows with this load's corrections.
            var generation = shipReference ? (ulong)DateTime.UtcNow.Ticks : 0;
            await using var rollups = await ClickHouseRollups.PrepareAsync(engine, Catalog, connection, storedMax, floor, shipReference,
                cancellationToken).ConfigureAwait(false);
            if (shipReference)
            {
                foreach (var table in ReferenceSchema.Loadable)
                {
                    await ShipAsync(connection, table.Name, StagedReference.RowsSql(table, generation), cancellationToken).ConfigureAwait(false);
                }
            }
            foreach (var table in ReferenceSchema.Loadable.Where(t => t.WaitsForReferences))
            {
                // This load's reference rows that wait for a code (those of earlier loads that still wait are on the cluster already).
                await ShipAsync(connection, $"pending_{table.Name}", RowsSql(table, table.Columns, $"pending_{table.Name}", offset, floor), cancellationToken,
                    Names(table.Columns)).ConfigureAwait(false);
            }
            foreach (var table in EventSchema.All)
            {
                // Extra columns are staged for tables this load brings files of (the others ship no new rows) and waiting rows have.
                var extraColumns = (fresh.Exists(f => f.Table.Name == table.Name) ? extra.GetValueOrDefault(table.Name) ?? [] : [])
                    .UnionBy(waiting.ExtraOf(table), c => c.Name).ToList();
                var columns = table.Columns.Concat(extraColumns).ToList();
                // The cluster's waiting rows this load released ship too (they keep their earlier file ids).
                var releasedWaiting = table.WaitsForReferences && waiting.Any ? WaitingRows.Released(table) : null;
                await ShipAsync(connection, table.Name, RowsSql(table, columns, table.Name, offset, floor, releasedWaiting), cancellationToken, Names(columns)).ConfigureAwait(false);
                if (table.HasPendingTable)
                {
                    await ShipAsync(connection, $"pending_{table.Name}", RowsSql(table, columns, $"pending_{table.Name}", offset, floor), cancellationToken,
                        Names(columns)).ConfigureAwait(false);
                }
            }
            // The waiting rows this load settled, and the parked rows the cluster releases: settled on the cluster below.
            var settlement = PendingSettlement.Read(connection, waiting);
            released += await ReleaseParkedAsync(settlement, cancellationToken).ConfigureAwait(false);
            await ShipAsync(connection, "quarantine",
                $"SELECT file_id + {offset}, table_name, line, field, rule, message, raw_row, status, {Seconds("quarantined_at")}, {Seconds("released_at")} " +
                $"FROM quarantine WHERE file_id > {floor}", cancellationToken).ConfigureAwait(false);
            if (!engine.Options.ReadFinal)
            {
                await MergeLoadedPartitionsAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            if (shipReference)
            {
                // The new reference tables are in force from here; a load that failed earlier left the previous ones in force.
                await engine.ExecuteAsync($"INSERT INTO reference_loads VALUES ({generation.ToString(System.Globalization.CultureInfo.InvariantCulture)}, now())",
                    cancellationToken).ConfigureAwait(false);
            }
            await TidyAsync(settlement, shipReference ? generation : 0, cancellationToken).ConfigureAwait(false);
            // Files last: a load that fails before this point is retried in full (rows already shipped count once).
            await ShipAsync(connection, "files",
                $"SELECT file_id + {offset}, path, name, table_name, format, sha256, bytes, rows_read, rows_loaded, rows_replaced, rows_quarantined, " +
                $"rows_pending, {Seconds("loaded_at")} FROM files WHERE file_id > {floor}", cancellationToken).ConfigureAwait(false);
            if (rollups is not null)
            {
                await rollups.MaintainAsync(cancellationToken).ConfigureAwait(false);
            }
            var results = files.Select(f => staged.Files.Concat(skipped).First(r => r.Path == f.Path)).ToList();
            return new IngestResult(staged.LoadId, results, staged.RowsReleased + released);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Merges every partition this load wrote to on every node, so reads without FINAL see each key once.</summary>
    private async Task MergeLoadedPartitionsAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var partitions = EventSchema.All.SelectMany(t => Strings(connection,
                $"SELECT DISTINCT strftime({SqlText.Quote(ClickHouseSchema.PartitionColumn(t.Name))}, '%Y%m') FROM {SqlText.Quote(t.Name)}")
            .Select(p => (Table: t.Name, Partition: p))).ToList();
        foreach (var node in engine.Options.Nodes)
        {
            using var admin = new ClickHouseEngine(engine.Options with { Url = node });
            foreach (var (table, partition) in partitions)
            {
                await admin.ExecuteAsync($"OPTIMIZE TABLE {engine.Options.Database}.{table}_local PARTITION {partition} FINAL", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The columns of an event table as text, timestamps to the second, with global file ids and the dedup rank.</summary>
    private static string RowsSql(TableSchema table, IReadOnlyList<ColumnSpec> read, string source, long offset, long floor, string? orAlso = null)
    {
        var columns = read.Select(c => c.Kind switch
        {
            ColumnKind.Timestamp => Seconds(SqlText.Quote(c.Name)),
            ColumnKind.Date => $"strftime({SqlText.Quote(c.Name)}, '%Y-%m-%d')",
            _ => SqlText.Quote(c.Name),
        });
        // Highest rank wins: a higher version first, then the earlier file (as the DuckDB store keeps the first).
        var version = table.Find("version") is null ? "0" : "coalesce(\"version\", 1)";
        var rank = $"CAST({version} AS UBIGINT) * 4294967296 + (4294967295 - (file_id + {offset}))";
        return $"SELECT {string.Join(", ", columns)}, file_id + {offset}, line, {rank} FROM {SqlText.Quote(source)} WHERE file_id > {floor}{(orAlso is null ? "" : $" OR {orAlso}")}";
    }

    // The columns an event table's rows are shipped with: its own and the mapping's extra ones, then the bookkeeping.
    private static string Names(IEnumerable<ColumnSpec> columns) =>
        string.Join(", ", columns.Select(c => c.Name).Concat(["file_id", "line", ClickHouseSchema.RankColumn]));

    private static string Seconds(string column) => $"strftime({column}, '%Y-%m-%d %H:%M:%S')";

    private async Task ShipAsync(DuckDBConnection connection, string table, string sql, CancellationToken cancellationToken, string? columns = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var registration = cancellationToken.Register(command.Cancel);
        try
        {
            using var reader = command.ExecuteReader();
            var batch = new StringBuilder();
            var rows = 0;
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (i > 0)
                    {
                        batch.Append('\t');
                    }
                    TsvWriter.Field(batch, reader.IsDBNull(i) ? null : reader.GetValue(i));
                }
                batch.Append('\n');
                if (++rows == BatchRows)
                {
                    await SendAsync(table, columns, batch, cancellationToken).ConfigureAwait(false);
                    rows = 0;
                }
            }
            if (rows > 0)
            {
                await SendAsync(table, columns, batch, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DuckDBException ex) when (cancellationToken.IsCancellationRequested)
        {
            // The token interrupted the DuckDB read: a cancellation, not a failure.
            throw new OperationCanceledException("The load was interrupted.", ex, cancellationToken);
        }
    }

    private async Task SendAsync(string table, string? columns, StringBuilder batch, CancellationToken cancellationToken)
    {
        using var content = new StringContent(batch.ToString(), Encoding.UTF8);
        batch.Clear();
        await engine.InsertTsvAsync(columns is null ? table : $"{table} ({columns})", content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Audits and appeals parked in ClickHouse by earlier loads whose decision is now stored join their table (each
    /// shard checks its own rows: pending rows are sharded by decision like the decisions); <paramref name="settlement"/>
    /// notes them, so they leave their pending table and their quarantine rows turn released.
    /// </summary>
    private async Task<long> ReleaseParkedAsync(PendingSettlement settlement, CancellationToken cancellationToken)
    {
        var released = 0L;
        var final = engine.Options.ReadFinal ? " FINAL" : "";
        foreach (var table in EventSchema.All.Where(t => t.ParentReference is not null))
        {
            var key = table.Key[0];
            var ready = $"FROM pending_{table.Name}{final} WHERE decision_id IN (SELECT decision_id FROM decisions) " +
                        $"AND {key} NOT IN (SELECT {key} FROM {table.Name})";
            var rows = await engine.QueryAsync($"SELECT file_id, line {ready}", new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                continue;
            }
            foreach (var row in rows)
            {
                settlement.Released(table.Name, Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture));
            }
            released += rows.Count;
            await engine.ExecuteAsync($"INSERT INTO {table.Name} SELECT * {ready}", cancellationToken).ConfigureAwait(false);
        }
        return released;
    }

    /// <summary>
    /// Settles the pending rows this load released or rejected (<see cref="PendingSettlement"/>) and, after a reference load,
    /// drops the generations of the reference tables older than the one now in force (it holds every row with its history),
    /// on every node: those <c>--nodes</c> does not name are found from <c>system.clusters</c> as for the rollup
    /// (<see cref="ClickHouseNodes"/>); when one cannot be found the rows stay as they are (a settled row is no longer
    /// waiting: no later load stages it again).
    /// </summary>
    private async Task TidyAsync(PendingSettlement settlement, ulong generation, CancellationToken cancellationToken)
    {
        var database = engine.Options.Database;
        var statements = settlement.Statements(database, DateTime.UtcNow).ToList();
        if (generation != 0)
        {
            // Only tables holding an older generation (a cluster's first load has none): a mutation costs a part rewrite on every node.
            var older = $"{ClickHouseSchema.RankColumn} < {generation.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            foreach (var table in ReferenceSchema.Loadable)
            {
                if (await ScalarLongAsync($"SELECT toInt64(count()) FROM {table.Name} WHERE {older}", cancellationToken).ConfigureAwait(false) > 0)
                {
                    statements.Add($"ALTER TABLE {database}.{table.Name}_local DELETE WHERE {older}");
                }
            }
        }
        if (statements.Count > 0 && await ClickHouseNodes.ResolveAsync(engine, cancellationToken).ConfigureAwait(false) is { } nodes)
        {
            await NodeMutations.RunAsync(engine, nodes, statements, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Audits and appeals parked for a decision that an earlier load stored in ClickHouse join their table now.</summary>
    private async Task<long> ReleaseToStoredDecisionsAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var released = 0L;
        foreach (var table in EventSchema.All.Where(t => t.ParentReference is not null))
        {
            var waiting = Strings(connection, $"SELECT DISTINCT decision_id FROM pending_{table.Name}");
            var stored = new List<string>();
            foreach (var chunk in waiting.Chunk(1000))
            {
                var rows = await engine.QueryAsync(
                    $"SELECT DISTINCT decision_id FROM decisions WHERE decision_id IN ({string.Join(", ", chunk.Select(ClickHouseLiterals.Quote))})",
                    new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
                stored.AddRange(rows.Select(r => (string)r[0]!));
            }
            if (stored.Count == 0)
            {
                continue;
            }
            Exec(connection, "CREATE OR REPLACE TEMP TABLE stored_parents (decision_id VARCHAR)");
            using (var appender = connection.CreateAppender("stored_parents"))
            {
                foreach (var id in stored)
                {
                    appender.CreateRow().AppendValue(id).EndRow();
                }
            }
            var match = $"decision_id IN (SELECT decision_id FROM stored_parents)";
            released += Exec(connection, $"INSERT INTO {table.Name} SELECT * FROM pending_{table.Name} WHERE {match}");
            Exec(connection, $"UPDATE quarantine SET status = 'released', released_at = now()::TIMESTAMP WHERE status = 'pending' AND table_name = '{table.Name}' " +
                             $"AND (file_id, line) IN (SELECT (file_id, line) FROM pending_{table.Name} WHERE {match})");
            Exec(connection, $"DELETE FROM pending_{table.Name} WHERE {match}");
        }
        return released;
    }

    /// <summary>The cluster named in the options is in the server's remote_servers (the Distributed tables were created over it).</summary>
    private async Task CheckClusterAsync(CancellationToken cancellationToken)
    {
        var clusters = (await engine.QueryAsync("SELECT DISTINCT cluster FROM system.clusters", new Dictionary<string, object?>(), cancellationToken)
            .ConfigureAwait(false)).Select(r => (string)r[0]!).ToList();
        if (!clusters.Contains(engine.Options.Cluster))
        {
            throw new ClickHouseException($"ClickHouse at {engine.Options.Url} has no cluster '{engine.Options.Cluster}' in remote_servers; " +
                $"it has: {(clusters.Count == 0 ? "none" : string.Join(", ", clusters))}.");
        }
    }

    private async Task<HashSet<string>> KnownHashesAsync(IReadOnlyList<string> hashes, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in hashes.Chunk(500))
        {
            var rows = await engine.QueryAsync($"SELECT DISTINCT sha256 FROM files WHERE sha256 IN ({string.Join(", ", chunk.Select(ClickHouseLiterals.Quote))})",
                new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
            known.UnionWith(rows.Select(r => (string)r[0]!));
        }
        return known;
    }

    private async Task<long> ScalarLongAsync(string sql, CancellationToken cancellationToken)
    {
        var rows = await engine.QueryAsync(sql, new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 || rows[0][0] is null ? 0 : Convert.ToInt64(rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }
        return list;
    }

    private static int Exec(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
