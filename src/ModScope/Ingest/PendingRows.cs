using ModScope.Common;
using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Audits and appeals that arrived before their decision wait in <c>pending_*</c> (and in quarantine
/// with status <c>pending</c>). Each load releases those whose decision is now loaded.
/// </summary>
internal static class PendingRows
{
    public static long Release(SqlRunner sql, DateTime now)
    {
        var released = 0L;
        foreach (var table in EventSchema.All.Where(t => t.ParentReference is not null))
        {
            if (sql.ScalarLong($"SELECT count(*) FROM pending_{table.Name}") == 0)
            {
                continue;
            }
            var key = Quote(table.Key[0]);
            sql.Execute("DROP TABLE IF EXISTS released");
            sql.Execute($"""
                CREATE TEMP TABLE released AS
                SELECT p.* FROM pending_{table.Name} p
                WHERE p.decision_id IN (SELECT decision_id FROM decisions)
                  AND p.{key} NOT IN (SELECT {key} FROM {table.Name})
                """);
            // By name: a pending table holds the extra columns a source mapping added to its table.
            released += sql.Execute($"INSERT INTO {table.Name} BY NAME SELECT * FROM released");
            sql.Execute("""
                UPDATE quarantine SET status = 'released', released_at = $now
                WHERE status = 'pending' AND EXISTS (SELECT 1 FROM released r WHERE r.file_id = quarantine.file_id AND r.line = quarantine.line)
                """, ("now", now));
            sql.Execute($"""
                DELETE FROM pending_{table.Name}
                WHERE EXISTS (SELECT 1 FROM released r WHERE r.file_id = pending_{table.Name}.file_id AND r.line = pending_{table.Name}.line)
                """);
        }
        return released;
    }
}
