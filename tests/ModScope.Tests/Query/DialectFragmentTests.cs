using ModScope.ClickHouse;
using ModScope.Model;
using ModScope.Query;

namespace ModScope.Tests.Query;

/// <summary>
/// Every fragment a dialect renders, as a table of (dialect, fragment, expected SQL), in the style of rill's dialect
/// tests: the arguments are structured (schemas, column names, aliases with their role) and each expected string is
/// written out by hand from the engine's SQL, so a change to a fragment shows here as a one-line diff.
/// </summary>
public sealed class DialectFragmentTests
{
    private static readonly IReadOnlyDictionary<string, ISqlDialect> Dialects = new Dictionary<string, ISqlDialect>
    {
        ["duckdb"] = DuckDbDialect.Instance,
        ["clickhouse"] = new ClickHouseDialect(lookups: ClickHouseLookups.Of(ReferenceData.Shipped)),
        ["clickhouse merged"] = new ClickHouseDialect(final: false, lookups: ClickHouseLookups.Of(ReferenceData.Shipped)),
    };

    private static readonly RelationAlias T = new("t", RelationRole.Rows);
    private static readonly RelationAlias D = new("d", RelationRole.Parent);
    private static readonly RelationAlias E = new("e", RelationRole.Rows);
    private static readonly RelationAlias Queue = new("l_t_queue", RelationRole.Reference);

    /// <summary>Each fragment, called the same way on every dialect.</summary>
    private static readonly IReadOnlyDictionary<string, Func<ISqlDialect, string?>> Fragments = new Dictionary<string, Func<ISqlDialect, string?>>
    {
        ["quote"] = d => d.Quote("market"),
        ["parameter"] = d => d.Parameter("p0"),
        ["table"] = d => d.TableRelation("decisions", T),
        ["subquery"] = d => d.SubqueryRelation("(SELECT 1)", T),
        ["rows column"] = d => d.Column(T, "verdict"),
        ["parent column"] = d => d.Column(D, "verdict"),
        ["numbered"] = d => d.Numbered(EventSchema.QaAudits, ["decision_id"], ["audited_at", "audit_id"]),
        ["parent join"] = d => d.JoinParent(T, "qa_audits", EventSchema.Decisions, D, "decision_id", ["verdict"]),
        ["reference join"] = d => d.JoinReference(ReferenceSchema.Queues, Queue, "t.\"queue\"", "t.\"decided_at\""),
        ["rows join"] = d => string.Join(" | ", d.JoinRows([["1", "2"], ["3", "4"]], E, ["a", "b"], "x < e.b") is var (join, where) ? [join, where ?? "(none)"] : []),
        ["count if"] = d => d.Aggregate(AggregateKind.Count, null, "c"),
        ["sum"] = d => d.Aggregate(AggregateKind.Sum, "v", null),
        ["to double"] = d => d.ToDouble("v"),
        ["log bucket"] = d => d.LogBucket("v"),
        ["p90"] = d => d.Aggregate(AggregateKind.Quantile, "v", null, 0.9),
        ["week"] = d => d.Truncate("x", TimeGrain.Week),
        ["month"] = d => d.Truncate("x", TimeGrain.Month),
        ["hours between"] = d => d.HoursBetween("a", "b"),
        ["in reporting currency"] = d => d.InReportingCurrency("amt", "ccy", "day", d.Parameter("rc")),
        ["local time"] = d => d.LocalTime("ts", d.Parameter("tz")),
        ["add minutes"] = d => d.AddMinutes("ts", d.Parameter("m")),
        ["ranked"] = d => d.Ranked(["k0"], "SELECT k0, x FROM s"),
        ["in calendar"] = d => d.InCalendar("ts"),
    };

    public static TheoryData<string, string, string?> Cases => new()
    {
        { "duckdb", "quote", "\"market\"" },
        { "clickhouse", "quote", "`market`" },
        { "duckdb", "to double", "CAST(v AS DOUBLE)" },
        { "clickhouse", "to double", "toFloat64(v)" },
        // ln γ = ln(1.01 / 0.99), the sketch's 1% buckets.
        { "duckdb", "log bucket", "CAST(ceil(ln(v) / 0.020000666706669435) AS INTEGER)" },
        { "clickhouse", "log bucket", "toInt32(ceil(log(v) / 0.020000666706669435))" },
        { "duckdb", "parameter", "$p0" },
        { "clickhouse", "parameter", "{p0}" },
        { "duckdb", "table", "\"decisions\" AS t" },
        { "clickhouse", "table", "`decisions` AS t FINAL" },
        { "clickhouse merged", "table", "`decisions` AS t" },
        { "duckdb", "subquery", "(SELECT 1) AS t" },
        { "clickhouse", "subquery", "(SELECT 1) AS t" },
        { "duckdb", "rows column", "t.\"verdict\"" },
        { "clickhouse", "rows column", "t.`verdict`" },
        { "duckdb", "parent column", "d.\"verdict\"" },
        { "clickhouse", "parent column", "`d__verdict`" },
        { "duckdb", "numbered", "(SELECT *, row_number() OVER (PARTITION BY \"decision_id\" ORDER BY \"audited_at\", \"audit_id\") AS __rn FROM \"qa_audits\")" },
        {
            "clickhouse", "numbered",
            "(SELECT * FROM `qa_audits` FINAL ALL INNER JOIN (SELECT __id AS `audit_id`, __rn FROM (SELECT arraySort((__k, __o0, __o1) -> (__o0, __o1), " +
            "groupArray(`audit_id`), groupArray(`audited_at`), groupArray(`audit_id`)) AS __ids FROM `qa_audits` FINAL GROUP BY `decision_id`) " +
            "ARRAY JOIN __ids AS __id, arrayEnumerate(__ids) AS __rn) AS __n USING `audit_id`)"
        },
        { "duckdb", "parent join", "JOIN \"decisions\" AS d ON d.\"decision_id\" = t.\"decision_id\"" },
        {
            "clickhouse", "parent join",
            "ALL INNER JOIN (SELECT `decision_id`, `verdict` AS `d__verdict` FROM `decisions` FINAL WHERE `decision_id` IN (SELECT `decision_id` FROM `qa_audits`)) AS d USING `decision_id`"
        },
        { "duckdb", "reference join", "LEFT JOIN (SELECT *, CASE WHEN row_number() OVER w > 1 THEN \"valid_from\" ELSE DATE '-infinity' END AS __from, " +
            "coalesce(lead(\"valid_from\") OVER w, DATE 'infinity') AS __to " +
            "FROM \"queues\" WINDOW w AS (PARTITION BY \"queue_id\" ORDER BY \"valid_from\")) AS l_t_queue ON l_t_queue.\"queue_id\" = t.\"queue\" " +
            "AND t.\"decided_at\" >= l_t_queue.__from AND t.\"decided_at\" < l_t_queue.__to" },
        { "clickhouse", "reference join", null },
        { "duckdb", "rows join", "JOIN (VALUES (1, 2), (3, 4)) AS e(a, b) ON x < e.b | (none)" },
        { "clickhouse", "rows join", "CROSS JOIN (SELECT 1 AS a, 2 AS b UNION ALL SELECT 3, 4) AS e | x < e.b" },
        { "duckdb", "count if", "count(*) FILTER (WHERE c)" },
        { "clickhouse", "count if", "countIf(c)" },
        { "duckdb", "sum", "sum(v)" },
        { "clickhouse", "sum", "if(countIf((v) IS NOT NULL) = 0, NULL, sum(v))" },
        { "duckdb", "p90", "quantile_cont(v, 0.9)" },
        {
            "clickhouse", "p90",
            "if(length(arraySort(groupArray(v))) = 0, NULL, arraySort(groupArray(v))[toUInt64(floor((0.9 * (length(arraySort(groupArray(v))) - 1)))) + 1] * " +
            "(1 - ((0.9 * (length(arraySort(groupArray(v))) - 1)) - floor((0.9 * (length(arraySort(groupArray(v))) - 1))))) + " +
            "arraySort(groupArray(v))[least(toUInt64(floor((0.9 * (length(arraySort(groupArray(v))) - 1)))) + 1, length(arraySort(groupArray(v))) - 1) + 1] * " +
            "((0.9 * (length(arraySort(groupArray(v))) - 1)) - floor((0.9 * (length(arraySort(groupArray(v))) - 1)))))"
        },
        { "duckdb", "week", "CAST(date_trunc('week', x) AS TIMESTAMP)" },
        { "clickhouse", "week", "toDateTime(toMonday(x))" },
        { "duckdb", "month", "CAST(date_trunc('month', x) AS TIMESTAMP)" },
        { "clickhouse", "month", "toDateTime(toStartOfMonth(x))" },
        { "duckdb", "hours between", "((epoch(b) - epoch(a)) / 3600.0)" },
        { "clickhouse", "hours between", "((toInt64(b) - toInt64(a)) / 3600.0)" },
        { "duckdb", "in reporting currency", "(amt * CASE WHEN ccy = $rc THEN 1.0 ELSE (SELECT fx.rate FROM fx_rates AS fx WHERE fx.currency = ccy AND fx.date <= CAST(day AS DATE) ORDER BY fx.date DESC LIMIT 1) END)" },
        { "clickhouse", "in reporting currency", "(amt * if(ccy = {rc}, 1.0, NULL))" },
        { "duckdb", "local time", "timezone($tz, CAST(ts AS TIMESTAMPTZ))" },
        { "clickhouse", "local time", "toDateTime(toString(ts, {tz}))" },
        { "duckdb", "add minutes", "(ts + to_minutes($m))" },
        { "clickhouse", "add minutes", "addMinutes(ts, {m})" },
        {
            "duckdb", "ranked",
            "SELECT k0, x, row_number() OVER (PARTITION BY k0 ORDER BY x) AS rn, count(*) OVER (PARTITION BY k0) AS n\n  FROM (SELECT k0, x FROM s) AS v"
        },
        {
            "clickhouse", "ranked",
            "SELECT k0, x, rn, n FROM (\n    SELECT k0, arraySort(groupArray(x)) AS __s, length(__s) AS n FROM (SELECT k0, x FROM s) AS v GROUP BY k0)\n  ARRAY JOIN __s AS x, arrayEnumerate(__s) AS rn"
        },
        { "duckdb", "in calendar", "ts BETWEEN TIMESTAMP '0001-01-02' AND TIMESTAMP '9999-12-30'" },
        { "clickhouse", "in calendar", "1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_fragment_renders_the_engines_sql(string dialect, string fragment, string? expected)
    {
        Assert.Equal(expected, Fragments[fragment](Dialects[dialect]));
    }

    [Fact]
    public void Every_fragment_has_a_row_for_both_engines()
    {
        var covered = Cases.Select(c => ((string)c[0], (string)c[1])).ToHashSet();

        Assert.All(Fragments.Keys, f =>
        {
            Assert.Contains(("duckdb", f), covered);
            Assert.Contains(("clickhouse", f), covered);
        });
    }

    [Fact]
    public void A_reference_column_is_a_join_column_in_duckdb_and_a_literal_lookup_in_clickhouse()
    {
        var duck = DuckDbDialect.Instance.ReferenceColumn(ReferenceSchema.Queues, Queue, "sla_hours", "t.\"queue\"", "t.\"decided_at\"");
        var clickHouse = Dialects["clickhouse"].ReferenceColumn(ReferenceSchema.Queues, Queue, "sla_hours", "t.`queue`", "t.`decided_at`");

        Assert.Equal("l_t_queue.\"sla_hours\"", duck);
        // The shipped queues in file order: their ids, then their SLA hours at the same positions (DOMAIN's queues table).
        var queues = ReferenceData.Shipped.Queues;
        var ids = "[" + string.Join(", ", queues.Select(q => $"'{q.QueueId}'")) + "]";
        var hours = "[" + string.Join(", ", queues.Select(q => $"toFloat64({q.SlaHours.ToString(System.Globalization.CultureInfo.InvariantCulture)})")) + "]";
        var positions = "[" + string.Join(", ", Enumerable.Range(1, queues.Count)) + "]";
        var index = $"transform(assumeNotNull(t.`queue`), {ids}, {positions}, 0)";
        Assert.Equal($"if(isNull(t.`queue`) OR {index} = 0, NULL, {hours}[{index}])", clickHouse);
    }

    [Fact]
    public void A_renamed_queue_is_looked_up_in_clickhouse_as_the_row_in_force_on_the_rows_day()
    {
        // Q1 has one row; Q2 was renamed on 2026-11-09 (its rows are listed out of order on purpose).
        var data = new ReferenceData([], [], [
            new ModScope.Model.Queue("Q2", "XS", "listing", 24, "Marketplace", "", new DateOnly(2026, 11, 9)),
            new ModScope.Model.Queue("Q1", "XN", "listing", 24, "Goods N", "", ReferenceSchema.Always),
            new ModScope.Model.Queue("Q2", "XS", "listing", 24, "Goods S", "", ReferenceSchema.Always),
        ], []);
        var dialect = new ClickHouseDialect(lookups: ClickHouseLookups.Of(data));

        var sql = dialect.ReferenceColumn(ReferenceSchema.Queues, Queue, "name_en", "t.`queue`", "t.`decided_at`");

        // Keys in first-seen order (Q2, Q1); each key's rows by valid_from, flattened: Q2 at 1-2, Q1 at 3. The row in force is
        // the last of the key's rows whose day is on or before the row's day, or the key's first row.
        const string index = "transform(assumeNotNull(t.`queue`), ['Q2', 'Q1'], [1, 2], 0)";
        var position = $"[1, 3][{index}] + greatest(arrayCount(__d -> __d <= toYYYYMMDD(t.`decided_at`), " +
                       $"arraySlice([19700101, 20261109, 19700101], [1, 3][{index}], [2, 1][{index}])), 1) - 1";
        Assert.Equal($"if(isNull(t.`queue`) OR {index} = 0, NULL, ['Goods S', 'Marketplace', 'Goods N'][{position}])", sql);
    }

    [Fact]
    public void A_cost_converts_in_clickhouse_at_the_latest_rate_on_or_before_its_day_and_is_null_without_one()
    {
        object?[][] rates = [[new DateOnly(2026, 8, 26), "EUR", 1.2], [new DateOnly(2026, 8, 24), "EUR", 1.1], [new DateOnly(2026, 8, 1), "BRL", 0.2]];
        var dialect = new ClickHouseDialect(lookups: ClickHouseLookups.Of(ReferenceData.Empty, rates));

        var sql = dialect.InReportingCurrency("amt", "ccy", "day", "{rc}");

        const string index = "transform(ifNull(ccy, ''), ['EUR', 'BRL'], [1, 2], 0)";
        var earlier = $"arrayCount(__d -> __d <= toYYYYMMDD(day), arraySlice([20260824, 20260826, 20260801], [1, 3][{index}], [2, 1][{index}]))";
        var rate = $"if({index} = 0 OR {earlier} = 0, NULL, [toFloat64(1.1), toFloat64(1.2), toFloat64(0.2)][[1, 3][{index}] + {earlier} - 1])";
        Assert.Equal($"(amt * if(ccy = {{rc}}, 1.0, {rate}))", sql);
    }
    [Fact]
    public void A_scoped_clickhouse_dialect_writes_only_the_scopes_queues_and_its_sites_currencies()
    {
        // XN is in region N, XS in region S; Q1 is XN's queue, Q2 XS's (renamed: two rows). Site S1 pays in EUR, S2 in BRL.
        var data = new ReferenceData(
            [new Market("XN", "North", "", "N", "en", "UTC", ReferenceSchema.Always), new Market("XS", "South", "", "S", "en", "UTC", ReferenceSchema.Always)],
            [],
            [new ModScope.Model.Queue("Q1", "XN", "listing", 12, "Goods N", "", ReferenceSchema.Always),
             new ModScope.Model.Queue("Q2", "XS", "listing", 24, "Goods S", "", ReferenceSchema.Always),
             new ModScope.Model.Queue("Q2", "XS", "listing", 36, "Marketplace", "", new DateOnly(2026, 11, 9))],
            [new Site("S1", "One", "", "V1", "", "", "UTC", "EUR", ReferenceSchema.Always), new Site("S2", "Two", "", "V2", "", "", "UTC", "BRL", ReferenceSchema.Always)]);
        object?[][] rates = [[new DateOnly(2026, 8, 1), "EUR", 1.1], [new DateOnly(2026, 8, 1), "BRL", 0.2]];
        var dialect = new ClickHouseDialect(lookups: ClickHouseLookups.Of(data, rates));

        var south = dialect.Reaching(ScopeFilters.Visible(AccessScope.Parse("region=S"), data));
        var vendor = dialect.Reaching(ScopeFilters.Visible(AccessScope.Parse("vendor=V1"), data));

        // Region S reaches XS and its queue Q2 only (both of its rows, so the row in force stays the same), and every site.
        const string index = "transform(assumeNotNull(t.`queue`), ['Q2'], [1], 0)";
        var position = $"[1][{index}] + greatest(arrayCount(__d -> __d <= toYYYYMMDD(t.`decided_at`), " +
                       $"arraySlice([19700101, 20261109], [1][{index}], [2][{index}])), 1) - 1";
        Assert.Equal($"if(isNull(t.`queue`) OR {index} = 0, NULL, [toFloat64(24), toFloat64(36)][{position}])",
            south.ReferenceColumn(ReferenceSchema.Queues, Queue, "sla_hours", "t.`queue`", "t.`decided_at`"));
        const string market = "transform(assumeNotNull(t.`market`), ['XS'], [1], 0)";
        Assert.Equal($"if(isNull(t.`market`) OR {market} = 0, NULL, ['S'][{market}])",
            south.ReferenceColumn(ReferenceSchema.Markets, Queue, "region", "t.`market`", "t.`decided_at`"));
        Assert.Contains("['EUR', 'BRL']", south.InReportingCurrency("amt", "ccy", "day", "{rc}"), StringComparison.Ordinal);
        // Vendor V1 reaches every market and queue, but only site S1 and its currency.
        Assert.Contains("['Q1', 'Q2']", vendor.ReferenceColumn(ReferenceSchema.Queues, Queue, "sla_hours", "t.`queue`", "t.`decided_at`"), StringComparison.Ordinal);
        Assert.Equal("if(isNull(t.`site`) OR transform(assumeNotNull(t.`site`), ['S1'], [1], 0) = 0, NULL, ['V1'][transform(assumeNotNull(t.`site`), ['S1'], [1], 0)])",
            vendor.ReferenceColumn(ReferenceSchema.Sites, Queue, "vendor", "t.`site`", "t.`decided_at`"));
        Assert.Contains("transform(ifNull(ccy, ''), ['EUR'], [1], 0)", vendor.InReportingCurrency("amt", "ccy", "day", "{rc}"), StringComparison.Ordinal);
        // DuckDB joins the reference tables: the same dialect serves every scope.
        Assert.Same(DuckDbDialect.Instance, DuckDbDialect.Instance.Reaching(data));
    }
}
