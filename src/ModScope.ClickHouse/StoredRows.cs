using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using ModScope.Model;
using ModScope.Query;

namespace ModScope.ClickHouse;

/// <summary>
/// The rows a load's keys already have in ClickHouse (committed loads only: file ids up to the newest recorded file),
/// one per key (the highest <c>__rank</c>, as FINAL keeps), and their file records. Seeded into the staging store, they
/// let the ordinary ingest judge a re-delivery as the DuckDB store does: a higher version replaces the stored row and
/// counts as replaced; any other row with a stored key is a <c>duplicate_id</c> rejection.
/// </summary>
internal sealed class StoredRows(ClickHouseEngine engine)
{
    private const string FileColumns = "file_id, path, name, table_name, format, sha256, bytes, rows_read, rows_loaded, rows_replaced, rows_quarantined, rows_pending, loaded_at";

    private readonly Dictionary<TableSchema, List<object?[]>> _rows = [];
    private IReadOnlyList<object?[]> _files = [];

    public bool Any => _rows.Values.Any(r => r.Count > 0);

    /// <summary>Finds the stored rows under the keys of the rows staged in <paramref name="stage"/>.</summary>
    public async Task FindAsync(DuckDBConnection stage, long storedMax, CancellationToken cancellationToken)
    {
        foreach (var table in EventSchema.All)
        {
            var keys = string.Join(", ", table.Key);
            var tsv = TsvWriter.Rows(stage, $"SELECT DISTINCT {keys} FROM {table.Name}");
            if (tsv.Length == 0)
            {
                continue;
            }
            // The keys go to a Memory table on the node asked; GLOBAL IN sends them to every shard.
            var temp = $"load_keys_{Guid.NewGuid():N}";
            var types = string.Join(", ", table.Key.Select(k => $"{k} {ClickHouseSchema.TypeOf(table.Find(k)!)}"));
            await engine.ExecuteAsync($"CREATE TABLE {engine.Options.Database}.{temp} ({types}) ENGINE = Memory", cancellationToken).ConfigureAwait(false);
            try
            {
                using var content = new StringContent(tsv.ToString(), Encoding.UTF8);
                await engine.InsertTsvAsync(temp, content, cancellationToken).ConfigureAwait(false);
                var columns = string.Join(", ", table.Columns.Select(c => c.Name));
                var rows = await engine.QueryAsync(
                    $"SELECT {columns}, file_id, line, {ClickHouseSchema.RankColumn} FROM {table.Name} " +
                    $"WHERE file_id <= {storedMax.ToString(CultureInfo.InvariantCulture)} AND ({keys}) GLOBAL IN (SELECT {keys} FROM {temp})",
                    new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
                var positions = table.Key.Select(k => table.Columns.ToList().FindIndex(c => c.Name == k)).ToList();
                _rows[table] = rows.GroupBy(r => string.Join("\t", positions.Select(p => Convert.ToString(r[p], CultureInfo.InvariantCulture))), StringComparer.Ordinal)
                    .Select(g => g.MaxBy(r => Convert.ToUInt64(r[^1], CultureInfo.InvariantCulture))![..^1]).ToList();
            }
            finally
            {
                await engine.ExecuteAsync($"DROP TABLE IF EXISTS {engine.Options.Database}.{temp}", cancellationToken).ConfigureAwait(false);
            }
        }
        var ids = _rows.Values.SelectMany(r => r).Select(r => Convert.ToInt64(r[^2], CultureInfo.InvariantCulture)).Distinct().ToList();
        _files = ids.Count == 0 ? [] : await engine.QueryAsync(
            $"SELECT {FileColumns} FROM files WHERE file_id IN ({string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)))})",
            new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the rows and their files into a fresh staging store, and a placeholder file numbered
    /// <paramref name="storedMax"/>, so the load's own files are numbered after every stored one.
    /// </summary>
    public void Seed(DuckDBConnection stage, long storedMax)
    {
        foreach (var (table, rows) in _rows)
        {
            var kinds = table.Columns.Select(c => (ColumnKind?)c.Kind).Concat([null, null]).ToList();
            using var appender = stage.CreateAppender(table.Name);
            foreach (var row in rows)
            {
                Append(appender.CreateRow(), row, kinds).EndRow();
            }
        }
        var files = _files.ToList();
        if (!files.Exists(f => Id(f) == storedMax))
        {
            files.Add([storedMax, "", "", "", "", "", 0L, 0L, 0L, 0L, 0L, 0L, DateTime.UnixEpoch]);
        }
        using var filesAppender = stage.CreateAppender("files");
        foreach (var file in files)
        {
            // file_id, load_id (unused here), then the recorded columns.
            Append(filesAppender.CreateRow().AppendValue(Id(file)).AppendValue(0L), file[1..], new ColumnKind?[file.Length - 1]).EndRow();
        }
    }

    private static long Id(object?[] file) => Convert.ToInt64(file[0], CultureInfo.InvariantCulture);

    internal static IDuckDBAppenderRow Append(IDuckDBAppenderRow row, object?[] values, IReadOnlyList<ColumnKind?> kinds)
    {
        for (var i = 0; i < values.Length; i++)
        {
            row = values[i] switch
            {
                null => row.AppendNullValue(),
                DateTime t when kinds[i] == ColumnKind.Date => row.AppendValue(DateOnly.FromDateTime(t)),
                DateTime t => row.AppendValue(t),
                long l => row.AppendValue(l),
                bool b => row.AppendValue(b),
                double d => row.AppendValue(d),
                string s => row.AppendValue(s),
                var other => throw new InvalidOperationException($"Cannot stage a stored {other.GetType().Name}."),
            };
        }
        return row;
    }
}
