using System.Globalization;
using DuckDB.NET.Data;
using ModScope.Model;
using ModScope.Store;

namespace ModScope.ClickHouse;

/// <summary>
/// Decisions and staffing rows that wait on the cluster (<c>pending_decisions</c>, <c>pending_staffing</c>) for a
/// market, queue, policy or site not in its reference data. A row still waits while one of its codes is unknown: the load
/// that brings the code releases it in the stage (or rejects it as a duplicate), and the loader then settles it on the
/// cluster (<see cref="PendingSettlement"/>). Staged with their global file ids and lines, their quarantine rows (pending)
/// and any extra columns the cluster stores for them, then released by the ordinary ingest exactly as on DuckDB.
/// </summary>
internal sealed class WaitingRows
{
    /// <summary>The stage's table of the waiting rows' table, file id and line.</summary>
    public const string KeysTable = "ch_waiting";

    private const string Keys = KeysTable;

    private readonly Dictionary<TableSchema, (IReadOnlyList<ColumnSpec> Extra, List<object?[]> Rows)> _tables = [];

    public bool Any => _tables.Values.Any(t => t.Rows.Count > 0);

    /// <summary>The extra columns the cluster stores for a table's waiting rows (they ship with the rows released).</summary>
    public IReadOnlyList<ColumnSpec> ExtraOf(TableSchema table) => _tables.TryGetValue(table, out var t) && t.Rows.Count > 0 ? t.Extra : [];

    /// <summary>Reads the rows that still wait: some reference code of theirs is in none of <paramref name="reference"/>'s rows.</summary>
    public static async Task<WaitingRows> ReadAsync(ClickHouseEngine engine, IReadOnlyDictionary<string, IReadOnlyList<object?[]>> reference,
        CancellationToken cancellationToken)
    {
        var waiting = new WaitingRows();
        foreach (var table in EventSchema.All.Where(t => t.WaitsForReferences))
        {
            var extra = await ExtraColumnsAsync(engine, table, cancellationToken).ConfigureAwait(false);
            var columns = table.Columns.Select(c => c.Name).Concat(["file_id", "line"]).Concat(extra.Select(c => c.Name)).Append(ClickHouseSchema.RankColumn);
            var rows = await engine.QueryAsync($"SELECT {string.Join(", ", columns)} FROM pending_{table.Name} FINAL",
                new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
            var checks = table.ReferenceColumns.Select(c => (Position: table.Columns.ToList().IndexOf(c), Known: Known(reference, c.References!))).ToList();
            waiting._tables[table] = (extra, rows.Where(r => checks.Exists(c => r[c.Position] is string code && !c.Known.Contains(code))).Select(r => r[..^1]).ToList());
        }
        return waiting;
    }

    /// <summary>
    /// Puts the waiting rows into the stage's <c>pending_*</c> tables (their extra columns added to the table and its
    /// pending table) and their file and line into <c>ch_waiting</c>, so <see cref="Released"/> can find them once released;
    /// each with a quarantine row of status pending, which the ordinary ingest turns released or rejected as on DuckDB (the
    /// stage ships no quarantine row of an earlier file; <see cref="PendingSettlement"/> reads the outcome).
    /// </summary>
    public void Seed(DuckDBConnection stage)
    {
        Execute(stage, $"CREATE TABLE IF NOT EXISTS {Keys} (table_name VARCHAR, file_id BIGINT, line BIGINT)");
        foreach (var (table, (extra, rows)) in _tables.Where(t => t.Value.Rows.Count > 0))
        {
            foreach (var column in extra)
            {
                foreach (var target in new[] { table.Name, $"pending_{table.Name}" })
                {
                    Execute(stage, $"ALTER TABLE {SqlText.Quote(target)} ADD COLUMN IF NOT EXISTS {SqlText.Quote(column.Name)} {DuckDbTypes.Of(column.Kind)}");
                }
            }
            var kinds = table.Columns.Select(c => (ColumnKind?)c.Kind).Concat([null, null]).Concat(extra.Select(c => (ColumnKind?)c.Kind)).ToList();
            using (var appender = stage.CreateAppender($"pending_{table.Name}"))
            {
                foreach (var row in rows)
                {
                    StoredRows.Append(appender.CreateRow(), Typed(row, kinds), kinds).EndRow();
                }
            }
            using var keys = stage.CreateAppender(Keys);
            var fileId = table.Columns.Count;
            foreach (var row in rows)
            {
                keys.CreateRow().AppendValue(table.Name).AppendValue(Convert.ToInt64(row[fileId], CultureInfo.InvariantCulture))
                    .AppendValue(Convert.ToInt64(row[fileId + 1], CultureInfo.InvariantCulture)).EndRow();
            }
        }
        Execute(stage, $"INSERT INTO quarantine (file_id, table_name, line, field, rule, message, raw_row, status, quarantined_at, released_at) " +
                       $"SELECT file_id, table_name, line, NULL, 'waiting', '', NULL, 'pending', now()::TIMESTAMP, NULL FROM {Keys}");
    }

    /// <summary>A condition on a staged table's rows: the row is a waiting row of the cluster's that this load released.</summary>
    public static string Released(TableSchema table) =>
        $"(file_id, line) IN (SELECT (file_id, line) FROM {Keys} WHERE table_name = {SqlText.Literal(table.Name)})";

    private static HashSet<string> Known(IReadOnlyDictionary<string, IReadOnlyList<object?[]>> reference, string target)
    {
        var (name, key) = (target.Split('.')[0], target.Split('.')[1]);
        var position = ReferenceSchema.All.Single(t => t.Name == name).Columns.ToList().FindIndex(c => c.Name == key);
        return reference[name].Select(r => r[position] as string).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    // Columns of the cluster's pending table beyond the schema's and the bookkeeping: extra columns of earlier mappings.
    private static async Task<IReadOnlyList<ColumnSpec>> ExtraColumnsAsync(ClickHouseEngine engine, TableSchema table, CancellationToken cancellationToken)
    {
        var own = table.Columns.Select(c => c.Name).Concat(["file_id", "line", ClickHouseSchema.RankColumn]).ToHashSet(StringComparer.Ordinal);
        var rows = await engine.QueryAsync($"SELECT name, type FROM system.columns WHERE database = {ClickHouseLiterals.Quote(engine.Options.Database)} " +
            $"AND table = {ClickHouseLiterals.Quote($"pending_{table.Name}")}", new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
        return rows.Where(r => !own.Contains((string)r[0]!))
            .Select(r => new ColumnSpec((string)r[0]!, ClickHouseSchema.KindOf((string)r[1]!), Required: false, Extra: true)).ToList();
    }

    // 18.16 stores a boolean as UInt8 (read back as a whole number).
    private static object?[] Typed(object?[] row, IReadOnlyList<ColumnKind?> kinds) =>
        row.Select((v, i) => kinds[i] == ColumnKind.Boolean && v is long l ? l != 0 : v).ToArray();

    private static void Execute(DuckDBConnection stage, string sql)
    {
        using var command = stage.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
