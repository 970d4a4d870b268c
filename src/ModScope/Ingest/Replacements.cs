using ModScope.Common;
using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// After a batch's good rows are in their table: a good row whose key a row of an earlier load has is a
/// newer version (the check let it through only then), so the earlier row goes.
/// </summary>
internal static class Replacements
{
    /// <summary>Deletes the replaced rows and returns how many each file of the batch replaced, by file index.</summary>
    public static Dictionary<int, long> Apply(SqlRunner sql, TableSchema table, FileBatch batch)
    {
        var keys = string.Join(", ", table.Key.Select(Quote));
        var name = Quote(table.Name);
        sql.Execute($"""
            CREATE OR REPLACE TEMP TABLE stg_replaced AS
            SELECT n.file_id, {string.Join(", ", table.Key.Select(k => "n." + Quote(k)))}
            FROM {name} n SEMI JOIN (SELECT {keys} FROM {name} WHERE NOT {batch.Holds("file_id")}) o USING ({keys})
            WHERE {batch.Holds("n.file_id")}
            """);
        if (sql.ScalarLong("SELECT count(*) FROM stg_replaced") == 0)
        {
            return [];
        }
        var same = string.Join(" AND ", table.Key.Select(k => $"r.{Quote(k)} = t.{Quote(k)}"));
        var replaced = $"FROM {name} t WHERE NOT {batch.Holds("t.file_id")} AND EXISTS (SELECT 1 FROM stg_replaced r WHERE {same})";
        // The replaced rows are kept for the load's maintenance (the days they counted in must be recounted).
        sql.Execute($"CREATE TEMP TABLE IF NOT EXISTS {Quote("replaced_" + table.Name)} AS SELECT * FROM {name} LIMIT 0");
        sql.Execute($"INSERT INTO {Quote("replaced_" + table.Name)} BY NAME SELECT t.* {replaced}");
        sql.Execute($"DELETE {replaced}");
        return sql.Rows("SELECT b.__file, count(*) FROM stg_replaced r JOIN stg_batch b ON b.__file_id = r.file_id GROUP BY ALL",
            r => (File: r.GetInt32(0), Count: r.GetInt64(1))).ToDictionary(r => r.File, r => r.Count);
    }
}
