using ModScope.Common;
using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Rows that wait in <c>pending_*</c> (and in quarantine with status <c>pending</c>): audits and appeals that arrived
/// before their decision; reference rows naming a code not loaded yet (a policy's parent, a queue's market, a target's
/// segment); decisions and staffing rows naming a market, queue, policy or site not in the reference data yet. Each load
/// releases those whose decision or reference codes are now loaded, in load order: reference tables first (a policy
/// again while its parent was released in the same load), then decisions, then the audits waiting for them, so a chain
/// (a decision waiting for a queue waiting for its market) attaches in the one load that brings the market.
/// </summary>
internal static class PendingRows
{
    public static long Release(SqlRunner sql, DateTime now)
    {
        var released = 0L;
        foreach (var table in Tables.All.Where(t => t.WaitsForReferences))
        {
            var selfReferencing = table.ReferenceColumns.Any(c => c.References!.Split('.')[0] == table.Name);
            long step;
            do
            {
                step = ReleaseReferenced(sql, table, now);
                released += step;
            }
            while (selfReferencing && step > 0);
        }
        foreach (var table in EventSchema.All.Where(t => t.ParentReference is not null))
        {
            released += ReleaseOrphans(sql, table, now);
        }
        return released;
    }

    private static long ReleaseOrphans(SqlRunner sql, TableSchema table, DateTime now)
    {
        if (sql.ScalarLong($"SELECT count(*) FROM pending_{table.Name}") == 0)
        {
            return 0;
        }
        var key = Quote(table.Key[0]);
        sql.Execute("DROP TABLE IF EXISTS released");
        sql.Execute($"""
            CREATE TEMP TABLE released AS
            SELECT p.* FROM pending_{table.Name} p
            WHERE p.decision_id IN (SELECT decision_id FROM decisions)
              AND p.{key} NOT IN (SELECT {key} FROM {table.Name})
            """);
        return Settle(sql, table, now);
    }

    /// <summary>
    /// Releases the waiting rows whose every reference code is now loaded. Of event rows with one key, the highest version
    /// (else the earliest file and line) attaches, replacing a stored row of a lower version; of reference rows with one
    /// key (code and valid_from) the latest file's, which corrects a stored row of an earlier file as it would have when
    /// loaded. A ready row whose key is stored at the same or a higher version (for reference rows: from a later file) or
    /// that lost to another becomes a rejected <c>duplicate_id</c>, as it would have been had its code been known.
    /// </summary>
    private static long ReleaseReferenced(SqlRunner sql, TableSchema table, DateTime now)
    {
        var pending = $"pending_{table.Name}";
        if (sql.ScalarLong($"SELECT count(*) FROM {pending}") == 0)
        {
            return 0;
        }
        var keys = table.Key.Select(Quote).ToList();
        var versioned = table.Find("version") is not null;
        var known = string.Join(" AND ", table.ReferenceColumns.Select(c =>
        {
            var (target, key) = (c.References!.Split('.')[0], c.References.Split('.')[1]);
            // A target's empty segment cell is stored as its default ('') and names nothing.
            var none = c.DefaultValue is { } empty ? $" OR p.{Quote(c.Name)} = {Literal(empty)}" : "";
            return $"(p.{Quote(c.Name)} IS NULL{none} OR p.{Quote(c.Name)} IN (SELECT {Quote(key)} FROM {Quote(target)}))";
        }));
        var (order, newer) = versioned ? ("\"version\" DESC, file_id, line", " AND s.\"version\" >= r.\"version\"")
            : table.ReplacesSameKey ? ("file_id DESC, line", " AND s.file_id > r.file_id")
            : ("file_id, line", "");
        sql.Execute("DROP TABLE IF EXISTS ready");
        sql.Execute($"""
            CREATE TEMP TABLE ready AS
            SELECT p.*, row_number() OVER (PARTITION BY {string.Join(", ", keys)} ORDER BY {order}) AS __rank
            FROM {pending} p WHERE {known}
            """);
        var same = string.Join(" AND ", keys.Select(k => $"s.{k} = r.{k}"));
        sql.Execute("DROP TABLE IF EXISTS released");
        sql.Execute($"""
            CREATE TEMP TABLE released AS
            SELECT * EXCLUDE (__rank) FROM ready r
            WHERE __rank = 1 AND NOT EXISTS (SELECT 1 FROM {Quote(table.Name)} s WHERE {same}{newer})
            """);
        if (versioned || table.ReplacesSameKey)
        {
            sql.Execute($"DELETE FROM {Quote(table.Name)} s WHERE EXISTS (SELECT 1 FROM released r WHERE {same})");
        }
        var keyField = string.Join("+", table.Key);
        var keyText = string.Join(" || '/' || ", keys.Select(k => $"CAST(r.{k} AS VARCHAR)"));
        sql.Execute($"""
            UPDATE quarantine SET status = 'rejected', rule = '{QuarantineRules.DuplicateId}', field = $field,
                message = d.message || ' (checked when its reference codes arrived)'
            FROM (SELECT file_id, line, '{keyField} ''' || {keyText} || ''' was already loaded' AS message
                  FROM ready r WHERE NOT EXISTS (SELECT 1 FROM released x WHERE x.file_id = r.file_id AND x.line = r.line)) d
            WHERE quarantine.status = 'pending' AND quarantine.file_id = d.file_id AND quarantine.line = d.line
            """, ("field", keyField));
        sql.Execute($"DELETE FROM {pending} WHERE EXISTS (SELECT 1 FROM ready r WHERE r.file_id = {pending}.file_id AND r.line = {pending}.line)");
        sql.Execute("DROP TABLE ready");
        return Settle(sql, table, now);
    }

    /// <summary>Inserts the rows of <c>released</c> into their table, marks them released in quarantine and removes them from pending.</summary>
    private static long Settle(SqlRunner sql, TableSchema table, DateTime now)
    {
        // By name: a pending table holds the extra columns a source mapping added to its table.
        var released = (long)sql.Execute($"INSERT INTO {Quote(table.Name)} BY NAME SELECT * FROM released");
        sql.Execute("""
            UPDATE quarantine SET status = 'released', released_at = $now
            WHERE status = 'pending' AND EXISTS (SELECT 1 FROM released r WHERE r.file_id = quarantine.file_id AND r.line = quarantine.line)
            """, ("now", now));
        sql.Execute($"""
            DELETE FROM pending_{table.Name}
            WHERE EXISTS (SELECT 1 FROM released r WHERE r.file_id = pending_{table.Name}.file_id AND r.line = pending_{table.Name}.line)
            """);
        sql.Execute("DROP TABLE released");
        return released;
    }
}
