using ModScope.Common;
using ModScope.Model;
using ModScope.Store;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Gives the store a column for each extra column a source mapping declares (in the load's transaction, so a failed
/// load takes it back): on the table and on its <c>pending_*</c> table. A column already stored with another type
/// stops the load with both types named.
/// </summary>
internal static class StoredExtraColumns
{
    public static void Ensure(SqlRunner sql, TableSchema table, string? mappingFile)
    {
        var targets = table.HasPendingTable ? new[] { table.Name, $"pending_{table.Name}" } : [table.Name];
        foreach (var column in table.Columns.Where(c => c.Extra))
        {
            var wanted = DuckDbTypes.Of(column.Kind);
            foreach (var target in targets)
            {
                var stored = sql.Rows(
                    "SELECT data_type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $t AND column_name = $c",
                    r => r.GetString(0), ("t", target), ("c", column.Name));
                if (stored.Count == 0)
                {
                    sql.Execute($"ALTER TABLE {Quote(target)} ADD COLUMN {Quote(column.Name)} {wanted}");
                }
                else if (stored[0] != wanted)
                {
                    throw new IngestException($"{mappingFile}: extra column {table.Name}.{column.Name} is declared as {Sources.ExtraColumn.TypeName(column.Kind)} " +
                        $"({wanted}) but the store already holds it as {stored[0]}; keep its type or give the new column another name.");
                }
            }
        }
    }
}
