using System.Globalization;
using DuckDB.NET.Data;

namespace ModScope.ClickHouse;

/// <summary>
/// The cluster's waiting rows a load settled, settled on the cluster as the DuckDB store settles them (<c>PendingRows</c>):
/// a released row leaves its <c>pending_*</c> table and its quarantine row turns <c>released</c>; a row judged a
/// duplicate when its codes arrived leaves too and its quarantine row becomes the stage's rejected <c>duplicate_id</c>
/// (rule, field and message). Written as mutations of the local tables (<see cref="NodeMutations"/>).
/// </summary>
internal sealed class PendingSettlement
{
    private const int Chunk = 500;

    private readonly List<Settled> _rows = [];

    public int Count => _rows.Count;

    /// <summary>A parked row the cluster released into its table (an audit or appeal whose decision is now stored).</summary>
    public void Released(string table, long fileId, long line) => _rows.Add(new(table, fileId, line, "released", null, null, null));

    /// <summary>
    /// The waiting rows the stage settled: those seeded by <paramref name="waiting"/> whose quarantine row in the stage is no
    /// longer pending (the ordinary ingest released them or rejected them as duplicates).
    /// </summary>
    public static PendingSettlement Read(DuckDBConnection stage, WaitingRows waiting)
    {
        var settlement = new PendingSettlement();
        if (!waiting.Any)
        {
            return settlement;
        }
        using var command = stage.CreateCommand();
        command.CommandText = $"""
            SELECT w.table_name, w.file_id, w.line, q.status, q.rule, q.field, q.message
            FROM {WaitingRows.KeysTable} w JOIN quarantine q ON q.table_name = w.table_name AND q.file_id = w.file_id AND q.line = w.line
            WHERE q.status <> 'pending'
            ORDER BY w.table_name, w.file_id, w.line
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var status = reader.GetString(3);
            settlement._rows.Add(status == "released"
                ? new(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), status, null, null, null)
                : new(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), status, reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
        }
        return settlement;
    }

    /// <summary>The mutations of one node's local tables that settle the rows, released at <paramref name="now"/> (UTC).</summary>
    public IReadOnlyList<string> Statements(string database, DateTime now)
    {
        var statements = new List<string>();
        var at = ClickHouseLiterals.Quote(now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        foreach (var table in _rows.GroupBy(r => r.Table, StringComparer.Ordinal))
        {
            var quarantine = $"ALTER TABLE {database}.quarantine_local UPDATE";
            var pending = $"table_name = {ClickHouseLiterals.Quote(table.Key)} AND status = 'pending' AND line IS NOT NULL";
            foreach (var chunk in table.Chunk(Chunk))
            {
                statements.Add($"ALTER TABLE {database}.pending_{table.Key}_local DELETE WHERE (file_id, line) IN ({Keys(chunk)})");
            }
            foreach (var chunk in table.Where(r => r.Status == "released").Chunk(Chunk))
            {
                statements.Add($"{quarantine} status = 'released', released_at = toDateTime({at}) " +
                               $"WHERE {pending} AND (file_id, assumeNotNull(line)) IN ({Keys(chunk)})");
            }
            foreach (var outcome in table.Where(r => r.Status != "released").GroupBy(r => (r.Status, r.Rule, r.Field)))
            {
                foreach (var chunk in outcome.Chunk(Chunk))
                {
                    // Each row's message names its key: looked up by file and line.
                    var ids = string.Join(", ", chunk.Select(r => ClickHouseLiterals.Quote($"{r.FileId}:{r.Line}")));
                    var messages = string.Join(", ", chunk.Select(r => ClickHouseLiterals.Quote(r.Message!)));
                    var field = outcome.Key.Field is null ? "NULL" : ClickHouseLiterals.Quote(outcome.Key.Field);
                    statements.Add($"{quarantine} status = {ClickHouseLiterals.Quote(outcome.Key.Status)}, rule = {ClickHouseLiterals.Quote(outcome.Key.Rule!)}, " +
                                   $"field = {field}, message = transform(concat(toString(file_id), ':', toString(assumeNotNull(line))), [{ids}], [{messages}], message) " +
                                   $"WHERE {pending} AND (file_id, assumeNotNull(line)) IN ({Keys(chunk)})");
                }
            }
        }
        return statements;
    }

    private static string Keys(IEnumerable<Settled> rows) =>
        string.Join(", ", rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"({r.FileId}, {r.Line})")));

    private sealed record Settled(string Table, long FileId, long Line, string Status, string? Rule, string? Field, string? Message);
}
