using ModScope.Model;
using ModScope.Query;

namespace ModScope.ClickHouse;

/// <summary>A reference table's key column and one other column as two ClickHouse array literals, in the same order.</summary>
internal static class ClickHouseReferenceArrays
{
    private static readonly Dictionary<string, (string Key, IReadOnlyList<Dictionary<string, object?>> Rows)> Tables = Build();

    public static (string Keys, string Values, int Count) Of(string table, string key, string column)
    {
        if (!Tables.TryGetValue(table, out var found) || found.Key != key || found.Rows.Count == 0 || !found.Rows[0].ContainsKey(column))
        {
            throw new ArgumentException($"No reference column {table}.{column} keyed by {key}.", nameof(column));
        }
        return ("[" + string.Join(", ", found.Rows.Select(r => ClickHouseLiterals.Format(r[key]))) + "]",
                "[" + string.Join(", ", found.Rows.Select(r => ClickHouseLiterals.Format(r[column]))) + "]", found.Rows.Count);
    }

    private static Dictionary<string, (string, IReadOnlyList<Dictionary<string, object?>>)> Build()
    {
        var data = ReferenceData.Default;
        return new(StringComparer.Ordinal)
        {
            ["markets"] = ("code", data.Markets.Select(m => Row(("code", m.Code), ("name_en", m.NameEn), ("name_zh", m.NameZh),
                ("region", m.Region), ("language", m.Language), ("time_zone", m.TimeZone))).ToList()),
            ["policies"] = ("policy_id", data.Policies.Select(p => Row(("policy_id", p.PolicyId), ("parent_id", p.ParentId),
                ("name_en", p.NameEn), ("name_zh", p.NameZh), ("severity", p.Severity))).ToList()),
            ["queues"] = ("queue_id", data.Queues.Select(q => Row(("queue_id", q.QueueId), ("market", q.Market), ("object_type", q.ObjectType),
                ("sla_hours", q.SlaHours), ("name_en", q.NameEn), ("name_zh", q.NameZh))).ToList()),
            ["sites"] = ("site_id", data.Sites.Select(s => Row(("site_id", s.SiteId), ("name", s.Name), ("vendor", s.Vendor), ("city", s.City),
                ("country", s.Country), ("time_zone", s.TimeZone), ("cost_currency", s.CostCurrency))).ToList()),
        };
    }

    private static Dictionary<string, object?> Row(params (string Column, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Column, c => c.Value, StringComparer.Ordinal);
}
