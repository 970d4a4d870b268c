using ModScope.Common;
using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// After a batch's good rows are in their table: a key that occurs more than once among them keeps its
/// first row (in file and line order); the later rows move to quarantine as <c>duplicate_id</c>.
/// </summary>
internal static class BatchDuplicates
{
    /// <summary>Moves the duplicates and returns their count per file index in the batch.</summary>
    public static Dictionary<int, long> Remove(SqlRunner sql, TableSchema table, FileBatch batch, DateTime now)
    {
        var keys = string.Join(", ", table.Key.Select(Quote));
        var name = Quote(table.Name);
        var repeated = $"SELECT {keys} FROM {name} WHERE {batch.Holds("file_id")} GROUP BY ALL HAVING count(*) > 1";
        // Equal keys hash alike, so as many distinct hashes as rows proves every key unique (cheaper than grouping the text).
        if (sql.ScalarLong($"SELECT count(*) - count(DISTINCT hash({keys})) FROM {name} WHERE {batch.Holds("file_id")}") == 0)
        {
            return [];
        }

        var keyField = string.Join("+", table.Key);
        var keyText = string.Join(" || '/' || ", table.Key.Select(k => $"CAST(t.{Quote(k)} AS VARCHAR)"));
        var raw = "concat_ws(',', " + string.Join(", ", table.Columns.Select(c => $"coalesce(CAST(t.{Quote(c.Name)} AS VARCHAR), '')")) + ")";
        sql.Execute($"""
            CREATE OR REPLACE TEMP TABLE stg_dups AS
            SELECT * FROM (
                SELECT t.file_id, t.line, row_number() OVER w AS n, first_value(t.line) OVER w AS first_line,
                       first_value(t.file_id) OVER w AS first_file, {keyText} AS key_text, {raw} AS raw
                FROM {name} t SEMI JOIN ({repeated}) d USING ({keys})
                WHERE {batch.Holds("t.file_id")}
                WINDOW w AS (PARTITION BY {string.Join(", ", table.Key.Select(k => "t." + Quote(k)))} ORDER BY t.file_id, t.line))
            WHERE n > 1
            """);
        sql.Execute($"""
            INSERT INTO quarantine
            SELECT d.file_id, $table, d.line, {Literal(keyField)}, '{QuarantineRules.DuplicateId}',
                   'duplicate {keyField} ''' || d.key_text || ''' (first on line ' || d.first_line || ' of ' || b.__name || ')',
                   d.raw, 'rejected', $now, NULL
            FROM stg_dups d JOIN stg_batch b ON b.__file_id = d.first_file
            """, ("table", table.Name), ("now", now));
        sql.Execute($"DELETE FROM {name} t WHERE {batch.Holds("t.file_id")} AND EXISTS (SELECT 1 FROM stg_dups d WHERE d.file_id = t.file_id AND d.line = t.line)");
        return sql.Rows("SELECT b.__file, count(*) FROM stg_dups d JOIN stg_batch b ON b.__file_id = d.file_id GROUP BY ALL",
            r => (File: r.GetInt32(0), Count: r.GetInt64(1))).ToDictionary(r => r.File, r => r.Count);
    }
}
