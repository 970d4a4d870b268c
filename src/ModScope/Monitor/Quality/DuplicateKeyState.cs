using ModScope.Common;
using ModScope.Model;
using ModScope.Store;
using static ModScope.Monitor.Quality.QualityValues;

namespace ModScope.Monitor.Quality;

/// <summary>
/// The duplicate-key check on the DuckDB store, counting only the keys that can have changed since it last ran (store
/// migration 15 keeps what it found). Rows enter an event table only through a load: a loaded file's rows (their
/// <c>file_id</c> is a file of a load after the last one checked) and waiting rows released at the end of a load (their
/// quarantine entry's <c>released_at</c> is the <c>started_at</c> of such a load; the row keeps its old file). Rows leave it only
/// for a key a load brings: a re-delivery (<c>Ingest/Replacements</c>) or a released newer version deletes the stored rows
/// of a key the load writes, and a load de-duplicating its own batch deletes only its own rows. A rolled-back load changes
/// nothing. So a key that no row loaded or released since has the rows it had, and its count has not changed: the check
/// counts, over the whole table, the keys of the rows added since and the keys it found duplicated last time (one row of
/// each kept by file and line; a re-delivered key among them is counted again, so a replaced duplicate disappears), and
/// its groups are exactly those of a <c>GROUP BY key HAVING count(*) &gt; 1</c> over every row. Without a kept state (a
/// new store, or one the check has not seen) it runs that full query once.
/// </summary>
internal static class DuplicateKeyState
{
    /// <summary>
    /// Above this many duplicated keys the state is not kept (the next run counts every key again): a store that broken
    /// is critical anyway, and the state stays a small table.
    /// </summary>
    public const int MaxKeptKeys = 100_000;

    /// <summary>
    /// The duplicated keys of <paramref name="table"/>: per key its values, then its row count (as the full check returns
    /// them). The state is written back when <paramref name="store"/> is open read-write.
    /// </summary>
    public static async Task<IReadOnlyList<object?[]>> GroupsAsync(QualitySql sql, ModScopeStore store, TableSchema table)
    {
        var name = table.Name;
        var relation = sql.Quote(name);
        var keys = string.Join(", ", table.Key.Select(sql.Quote));
        var load = AsLong((await sql.RowsAsync("SELECT coalesce(max(load_id), 0) FROM loads").ConfigureAwait(false)).Single()[0]);
        var last = await sql.RowsAsync("SELECT load_id FROM duplicate_checks WHERE table_name = $table", ("table", name)).ConfigureAwait(false);
        // Each group also names one of its rows (the one of the lowest file, and its line), which the state keeps.
        const string counted = "count(*), min(file_id), arg_min(line, file_id)";
        IReadOnlyList<object?[]> groups;
        if (last.Count == 0)
        {
            // The plain count first, and the kept rows only when it found some duplicate: two more aggregates per key
            // over every row cost memory (at 50M decisions the run's peak was 7.3 GB with them, 5.1 GB without).
            groups = await sql.RowsAsync($"SELECT {keys}, count(*) FROM {relation} GROUP BY {keys} HAVING count(*) > 1").ConfigureAwait(false);
            if (groups.Count > 0)
            {
                groups = await sql.RowsAsync($"""
                    SELECT {keys}, {counted} FROM {relation}
                    SEMI JOIN (SELECT {keys} FROM {relation} GROUP BY {keys} HAVING count(*) > 1) d USING ({keys})
                    GROUP BY {keys}
                    """).ConfigureAwait(false);
            }
        }
        else
        {
            var since = AsLong(last[0][0]);
            // A file of a later load has a higher id than every file before it (ingest numbers them max + 1).
            var files = (await sql.RowsAsync("SELECT file_id FROM files WHERE load_id > $load AND table_name = $table",
                ("load", since), ("table", name)).ConfigureAwait(false)).Select(r => AsLong(r[0])).ToList();
            var releasedRows = """
                SELECT file_id, line FROM quarantine
                WHERE status = 'released' AND table_name = $table AND released_at IN (SELECT started_at FROM loads WHERE load_id > $load)
                """;
            var kept = "SELECT file_id, line FROM duplicate_keys WHERE table_name = $table";
            var pending = (await sql.RowsAsync($"SELECT (SELECT count(*) FROM ({releasedRows})), (SELECT count(*) FROM ({kept}))",
                ("table", name), ("load", since)).ConfigureAwait(false)).Single();
            if (files.Count == 0 && AsLong(pending[0]) == 0 && AsLong(pending[1]) == 0)
            {
                groups = [];
            }
            else
            {
                var loaded = files.Count == 0 ? "" : $"""
                    SELECT {keys} FROM {relation} WHERE file_id >= {files.Min()} AND {QualitySql.In("file_id", files)}
                    UNION
                    """;
                groups = await sql.RowsAsync($"""
                    WITH candidates AS (
                        {loaded}
                        SELECT {keys} FROM {relation} SEMI JOIN ({releasedRows}) r USING (file_id, line)
                        UNION
                        SELECT {keys} FROM {relation} SEMI JOIN ({kept}) k USING (file_id, line))
                    SELECT {keys}, {counted} FROM {relation} SEMI JOIN candidates c USING ({keys})
                    GROUP BY {keys} HAVING count(*) > 1
                    """, ("table", name), ("load", since)).ConfigureAwait(false);
            }
        }
        if (store.Mode == StoreMode.ReadWrite)
        {
            Save(store, name, load, groups, table.Key.Count, sql.CancellationToken);
        }
        return groups;
    }

    private static void Save(ModScopeStore store, string table, long load, IReadOnlyList<object?[]> groups, int width,
        CancellationToken cancellationToken)
    {
        using var connection = store.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var sql = new SqlRunner(connection, cancellationToken);
        sql.Execute("DELETE FROM duplicate_checks WHERE table_name = $table", ("table", table));
        sql.Execute("DELETE FROM duplicate_keys WHERE table_name = $table", ("table", table));
        if (groups.Count <= MaxKeptKeys)
        {
            sql.Execute("INSERT INTO duplicate_checks VALUES ($table, $load, $now)", ("table", table), ("load", load), ("now", DateTime.UtcNow));
            using var appender = connection.CreateAppender("duplicate_keys");
            foreach (var group in groups)
            {
                appender.CreateRow().AppendValue(table).AppendValue(AsLong(group[width + 1])).AppendValue(AsLong(group[width + 2])).EndRow();
            }
        }
        transaction.Commit();
    }
}
