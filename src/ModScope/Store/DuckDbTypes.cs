using ModScope.Model;

namespace ModScope.Store;

/// <summary>How the event model's logical types are stored in DuckDB.</summary>
internal static class DuckDbTypes
{
    public static string Of(ColumnKind kind) => kind switch
    {
        ColumnKind.Text => "VARCHAR",
        ColumnKind.WholeNumber => "BIGINT",
        ColumnKind.Number => "DOUBLE",
        ColumnKind.Timestamp => "TIMESTAMP",
        ColumnKind.Date => "DATE",
        ColumnKind.Boolean => "BOOLEAN",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind."),
    };

    /// <summary>Column definitions of an event table, plus the lineage columns every event row carries.</summary>
    public static string ColumnDefinitions(TableSchema table, bool withLineage = true)
    {
        var columns = table.Columns.Select(c => $"{SqlText.Quote(c.Name)} {Of(c.Kind)}").ToList();
        if (withLineage)
        {
            columns.Add("file_id BIGINT NOT NULL");
            columns.Add("line BIGINT NOT NULL");
        }
        return string.Join(", ", columns);
    }
}
