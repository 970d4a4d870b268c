namespace ModScope.Model;

/// <summary>
/// The reference tables (markets, policies, queues, sites): the one definition of their columns that the catalogue's
/// column paths, ClickHouse's tables and its literal lookups read. (The store's tables were created by migration 1's
/// frozen SQL, which a later change here must migrate, never edit.)
/// </summary>
public static class ReferenceSchema
{
    public static readonly ReferenceTable Markets = new("markets", "code",
        [Text("code"), Text("name_en", false), Text("name_zh", false), Text("region"), Text("language", false), Text("time_zone")],
        data => data.Markets.Select(m => new object?[] { m.Code, m.NameEn, m.NameZh, m.Region, m.Language, m.TimeZone }));

    public static readonly ReferenceTable Policies = new("policies", "policy_id",
        [Text("policy_id"), Text("parent_id", false), Text("name_en", false), Text("name_zh", false), Text("severity", false)],
        data => data.Policies.Select(p => new object?[] { p.PolicyId, p.ParentId, p.NameEn, p.NameZh, p.Severity }));

    public static readonly ReferenceTable Queues = new("queues", "queue_id",
        [Text("queue_id"), Text("market"), Text("object_type"), new("sla_hours", ColumnKind.Number), Text("name_en", false), Text("name_zh", false)],
        data => data.Queues.Select(q => new object?[] { q.QueueId, q.Market, q.ObjectType, q.SlaHours, q.NameEn, q.NameZh }));

    public static readonly ReferenceTable Sites = new("sites", "site_id",
        [Text("site_id"), Text("name", false), Text("vendor", false), Text("city", false), Text("country", false), Text("time_zone", false), Text("cost_currency")],
        data => data.Sites.Select(s => new object?[] { s.SiteId, s.Name, s.Vendor, s.City, s.Country, s.TimeZone, s.CostCurrency }));

    public static readonly IReadOnlyList<ReferenceTable> All = [Markets, Policies, Queues, Sites];

    /// <summary>The reference table of this name, or null.</summary>
    public static ReferenceTable? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    private static ColumnSpec Text(string name, bool required = true) => new(name, ColumnKind.Text, required);
}
