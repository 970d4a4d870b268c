using System.Globalization;
using DuckDB.NET.Data;
using ModScope.Common;
using ModScope.Model;

namespace ModScope.Store;

/// <summary>
/// A store's own reference data (markets, policies, queues, sites, each row with the date it is valid from): what every
/// consumer reads at run time; and its targets per segment. The shipped <c>reference/</c> folder only seeded it; ingest adds and corrects rows.
/// </summary>
public static class StoredReference
{
    /// <summary>Every reference row of the store, history included, ordered by key and <c>valid_from</c>.</summary>
    public static ReferenceData Load(ModScopeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var connection = store.OpenConnection();
        var sql = new SqlRunner(connection, CancellationToken.None);
        return new ReferenceData(
            sql.Rows("SELECT code, name_en, name_zh, region, language, time_zone, valid_from FROM markets ORDER BY code, valid_from",
                r => new Market(r.GetString(0), Text(r, 1), Text(r, 2), r.GetString(3), Text(r, 4), r.GetString(5), Day(r, 6))),
            sql.Rows("SELECT policy_id, parent_id, name_en, name_zh, severity, valid_from FROM policies ORDER BY policy_id, valid_from",
                r => new Policy(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), Day(r, 5))),
            sql.Rows("SELECT queue_id, market, object_type, sla_hours, name_en, name_zh, valid_from FROM queues ORDER BY queue_id, valid_from",
                r => new Queue(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3), Text(r, 4), Text(r, 5), Day(r, 6))),
            sql.Rows("SELECT site_id, name, name_zh, vendor, city, country, time_zone, cost_currency, valid_from FROM sites ORDER BY site_id, valid_from",
                r => new Site(r.GetString(0), Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), r.GetString(7), Day(r, 8))))
        {
            RegionNames = sql.Rows("SELECT code, name_en, name_zh, valid_from FROM regions ORDER BY code, valid_from",
                r => new Region(r.GetString(0), Text(r, 1), Text(r, 2), Day(r, 3))),
            Targets = sql.Rows("SELECT metric, market, region, site, queue, policy, value, valid_from FROM targets ORDER BY ALL",
                r => new SegmentTarget(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetDouble(6), Day(r, 7))),
        };
    }

    // Optional names and codes: an empty cell is stored as NULL and read as "".
    private static string Text(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "" : reader.GetString(ordinal);

    private static DateOnly Day(DuckDBDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) switch
        {
            DateOnly day => day,
            DateTime time => DateOnly.FromDateTime(time),
            var other => DateOnly.Parse(Convert.ToString(other, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
        };
}
