using DuckDB.NET.Data;
using ModScope.Model;
using ModScope.Store;

namespace ModScope.ClickHouse;

/// <summary>
/// The cluster's reference rows in a load's staging store, so the ordinary ingest checks events and reference files
/// against the cluster's own markets, queues and sites (and judges a reference row with a stored key as a correction);
/// and the staged tables' whole content, shipped back after a load that changed them.
/// </summary>
internal static class StagedReference
{
    /// <summary>Replaces the staging store's seed (the shipped defaults) by the cluster's rows, unless the cluster holds none.</summary>
    public static void Seed(DuckDBConnection stage, IReadOnlyDictionary<string, IReadOnlyList<object?[]>> stored)
    {
        if (!Seeded(stored))
        {
            return;
        }
        foreach (var table in ReferenceSchema.Loadable)
        {
            if (stored[table.Name].Count == 0)
            {
                continue; // a table the cluster has none of keeps the stage's seed (regions on a cluster loaded before they existed)
            }
            using (var delete = stage.CreateCommand())
            {
                delete.CommandText = $"DELETE FROM {SqlText.Quote(table.Name)}";
                delete.ExecuteNonQuery();
            }
            // The schema's columns, then file_id and line (not kept on the cluster).
            var kinds = table.Columns.Select(c => (ColumnKind?)c.Kind).Concat([null, null]).ToList();
            using var appender = stage.CreateAppender(table.Name);
            foreach (var row in stored[table.Name])
            {
                StoredRows.Append(appender.CreateRow(), [.. row, 0L, 0L], kinds).EndRow();
            }
        }
    }

    /// <summary>Whether the cluster holds reference rows (a load has seeded it).</summary>
    public static bool Seeded(IReadOnlyDictionary<string, IReadOnlyList<object?[]>> stored) =>
        ReferenceSchema.All.Any(t => stored[t.Name].Count > 0);

    /// <summary>The staged rows of a reference table as the cluster's columns, ranked <paramref name="rank"/>.</summary>
    public static string RowsSql(TableSchema table, ulong rank)
    {
        var columns = table.Columns.Select(c => c.Kind == ColumnKind.Date ? $"strftime({SqlText.Quote(c.Name)}, '%Y-%m-%d')" : SqlText.Quote(c.Name));
        return $"SELECT {string.Join(", ", columns)}, CAST({rank} AS UBIGINT) FROM {SqlText.Quote(table.Name)}";
    }
}
