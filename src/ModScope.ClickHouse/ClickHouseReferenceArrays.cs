using ModScope.Model;
using ModScope.Query;

namespace ModScope.ClickHouse;

/// <summary>A reference table's key column and one other column as two ClickHouse array literals, in the same order.</summary>
internal static class ClickHouseReferenceArrays
{
    public static (string Keys, string Values, int Count) Of(string table, string key, string column)
    {
        var found = ReferenceSchema.Find(table);
        var (k, c) = found is null ? (-1, -1) : (found.IndexOf(key), found.IndexOf(column));
        if (found is null || found.Key != key || k < 0 || c < 0)
        {
            throw new ArgumentException($"No reference column {table}.{column} keyed by {key}.", nameof(column));
        }
        var rows = found.Rows(ReferenceData.Shipped).ToList();
        if (rows.Count == 0)
        {
            throw new ArgumentException($"No reference column {table}.{column} keyed by {key}.", nameof(column));
        }
        return ("[" + string.Join(", ", rows.Select(r => ClickHouseLiterals.Format(r[k]))) + "]",
                "[" + string.Join(", ", rows.Select(r => ClickHouseLiterals.Format(r[c]))) + "]", rows.Count);
    }
}
