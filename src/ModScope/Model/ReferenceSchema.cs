namespace ModScope.Model;

/// <summary>
/// The reference tables (regions, markets, policies, queues, sites): the one definition of their columns that ingest validates
/// files against and that the catalogue's column paths, ClickHouse's tables and the query door's lookups read. Each row is valid from its <c>valid_from</c> date (absent: <see cref="Always"/>) until the next
/// row of the same key, so a renamed queue or a market moved to another region keeps last quarter as it was. (The store's
/// tables come from frozen migrations, which a later change here must migrate, never edit.)
/// </summary>
public static class ReferenceSchema
{
    /// <summary>The <c>valid_from</c> of a row that gives none: the start of every store's time (ClickHouse's too).</summary>
    public static readonly DateOnly Always = new(1970, 1, 1);

    private const string AlwaysText = "1970-01-01";

    /// <summary>
    /// Regions with their display names (regions*.csv): a market's <c>region</c> is a code of this table, shown by its
    /// name wherever a region is shown (a code with no row is shown as it is). Loaded first, with history.
    /// </summary>
    public static readonly TableSchema Regions = new("regions", ["code", "valid_from"],
        [Id("code"), Text("name_en", false), Text("name_zh", false), ValidFromColumn()], [], AsOf: "valid_from", ReplacesSameKey: true);

    public static readonly ReferenceTable Markets = new(new TableSchema("markets", ["code", "valid_from"],
        [Id("code"), Text("name_en", false), Text("name_zh", false), Id("region"), Text("language", false), Text("time_zone"), ValidFromColumn()],
        [TimeZoneRule("time_zone")], AsOf: "valid_from", ReplacesSameKey: true), "code", "valid_from",
        data => data.Markets.Select(m => new object?[] { m.Code, m.NameEn, m.NameZh, m.Region, m.Language, m.TimeZone, m.ValidFrom }));

    public static readonly ReferenceTable Policies = new(new TableSchema("policies", ["policy_id", "valid_from"],
        [Id("policy_id"), new("parent_id", ColumnKind.Text, false, References: "policies.policy_id"), Text("name_en", false), Text("name_zh", false),
         new("severity", ColumnKind.Text, false, AllowedValues: Vocabulary.Severities), ValidFromColumn()],
        [new("policy_own_parent", "parent_id", "parent_id IS NULL OR parent_id <> policy_id", "a policy cannot be its own parent_id")],
        AsOf: "valid_from", ReplacesSameKey: true, WaitsForReferences: true), "policy_id", "valid_from",
        data => data.Policies.Select(p => new object?[] { p.PolicyId, p.ParentId, p.NameEn, p.NameZh, p.Severity, p.ValidFrom }));

    public static readonly ReferenceTable Queues = new(new TableSchema("queues", ["queue_id", "valid_from"],
        [Id("queue_id"), new("market", ColumnKind.Text, References: "markets.code"), new("object_type", ColumnKind.Text, AllowedValues: Vocabulary.ObjectTypes),
         new("sla_hours", ColumnKind.Number, MinValue: 0), Text("name_en", false), Text("name_zh", false), ValidFromColumn()],
        [new("sla_not_positive", "sla_hours", "sla_hours > 0", "sla_hours must be greater than 0")], AsOf: "valid_from", ReplacesSameKey: true,
        WaitsForReferences: true),
        "queue_id", "valid_from",
        data => data.Queues.Select(q => new object?[] { q.QueueId, q.Market, q.ObjectType, q.SlaHours, q.NameEn, q.NameZh, q.ValidFrom }));

    public static readonly ReferenceTable Sites = new(new TableSchema("sites", ["site_id", "valid_from"],
        [Id("site_id"), Text("name", false), Text("name_zh", false), Text("vendor", false), Text("city", false), Text("country", false), Text("time_zone", false),
         Text("cost_currency"), ValidFromColumn()],
        [TimeZoneRule("time_zone"), CurrencyRule("cost_currency")], AsOf: "valid_from", ReplacesSameKey: true), "site_id", "valid_from",
        data => data.Sites.Select(s => new object?[] { s.SiteId, s.Name, s.NameZh, s.Vendor, s.City, s.Country, s.TimeZone, s.CostCurrency, s.ValidFrom }));

    /// <summary>The lookup tables, in load order: a table comes after those it points into.</summary>
    public static readonly IReadOnlyList<ReferenceTable> All = [Markets, Policies, Queues, Sites];

    /// <summary>
    /// Targets per segment: a metric's target for a market, region, site, queue or policy (or any mix; an empty cell
    /// matches any value and is stored as <c>""</c>, so the key compares), valid from <c>valid_from</c>. Loaded after the
    /// lookup tables it points into. The catalogue's <c>target</c> stays the default where no row applies. A region is
    /// known when some market's row names it (<c>markets.region</c>), so a target for a region no market is in yet waits
    /// as pending, like one for an unknown market, until a markets file brings such a market.
    /// </summary>
    public static readonly TableSchema Targets = new("targets", ["metric", "market", "region", "site", "queue", "policy", "valid_from"],
        [new("metric", ColumnKind.Text), Segment("market", "markets.code"), Segment("region", "markets.region"), Segment("site", "sites.site_id"),
         Segment("queue", "queues.queue_id"), Segment("policy", "policies.policy_id"), new("value", ColumnKind.Number), ValidFromColumn()],
        [new("bad_metric_id", "metric", "regexp_matches(metric, '^[a-z][a-z0-9_]*$')", "metric must be a metric id such as qa_accuracy")],
        AsOf: "valid_from", ReplacesSameKey: true, WaitsForReferences: true);

    /// <summary>
    /// Exchange rates (fx_rates*.csv): on <c>date</c>, one unit of <c>currency</c> is worth <c>rate</c> units of the
    /// reporting currency. A cost uses the rate of the latest date on or before its day (a weekend takes Friday's).
    /// </summary>
    public static readonly TableSchema FxRates = new("fx_rates", ["date", "currency"],
        [new("date", ColumnKind.Date, Windowed: false), new("currency", ColumnKind.Text), new("rate", ColumnKind.Number)],
        [CurrencyRule("currency"), new("rate_not_positive", "rate", "rate > 0", "rate must be greater than 0")], AsOf: "date", ReplacesSameKey: true);

    /// <summary>Every reference table loaded from files, in load order: regions, the lookup tables, then targets and exchange rates.</summary>
    public static readonly IReadOnlyList<TableSchema> Loadable = [Regions, .. All.Select(t => t.Schema), Targets, FxRates];

    /// <summary>The reference table of this name, or null.</summary>
    public static ReferenceTable? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    private static ColumnSpec Text(string name, bool required = true) => new(name, ColumnKind.Text, required);

    /// <summary>A code other rows point at: checked for control characters like any id.</summary>
    private static ColumnSpec Id(string name) => new(name, ColumnKind.Text);

    /// <summary>A target's optional segment column: empty means any value (stored as "", never checked as a reference).</summary>
    private static ColumnSpec Segment(string name, string? references) => new(name, ColumnKind.Text, false, References: references, DefaultValue: "");

    private static ColumnSpec ValidFromColumn() => new("valid_from", ColumnKind.Date, false, DefaultValue: AlwaysText, Windowed: false);

    private static RowRule TimeZoneRule(string column) => new("unknown_time_zone", column,
        $"{column} IS NULL OR {column} IN (SELECT name FROM pg_timezone_names())", $"{column} must be an IANA time zone name such as Asia/Jakarta");

    private static RowRule CurrencyRule(string column) => new("bad_currency", column,
        $"regexp_matches({column}, '^[A-Z]{{3}}$')", $"{column} must be a three-letter ISO 4217 code such as USD");
}
