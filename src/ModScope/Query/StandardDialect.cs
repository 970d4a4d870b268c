using ModScope.Model;

namespace ModScope.Query;

/// <summary>
/// Standard-SQL renderings (SQL:2003 FILTER, window functions); engines override what they do differently.
/// </summary>
public abstract class StandardDialect : ISqlDialect
{
    public abstract string Name { get; }

    public virtual string Quote(string identifier) => Store.SqlText.Quote(identifier);

    public virtual string Parameter(string name) => "$" + name;

    public abstract string LocalTime(string utcTimestamp, string timeZoneParameter);

    public abstract string Truncate(string localTimestamp, TimeGrain grain);

    public abstract string AddMinutes(string timestamp, string minutesParameter);

    public abstract string HoursBetween(string earlier, string later);

    public virtual string ToDouble(string value) => $"CAST({value} AS DOUBLE)";

    public virtual string LogBucket(string positive) =>
        $"CAST(ceil(ln({positive}) / {Stats.LogBucketSketch.LogGamma.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}) AS INTEGER)";

    public virtual string Aggregate(AggregateKind kind, string? value, string? condition, double quantile = 0)
    {
        var call = kind switch
        {
            AggregateKind.Count => "count(*)",
            AggregateKind.Sum => $"sum({value})",
            AggregateKind.Avg => $"avg({value})",
            AggregateKind.Max => $"max({value})",
            AggregateKind.Quantile => QuantileCall(value!, quantile),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown aggregate."),
        };
        return condition is null ? call : $"{call} FILTER (WHERE {condition})";
    }

    public virtual string Numbered(TableSchema table, IReadOnlyList<string> partitionBy, IReadOnlyList<string> orderBy)
    {
        ArgumentNullException.ThrowIfNull(table);
        return $"(SELECT *, row_number() OVER (PARTITION BY {QuoteAll(partitionBy)} ORDER BY {QuoteAll(orderBy)}) AS __rn FROM {Quote(table.Name)})";
    }

    public virtual string TableRelation(string table, RelationAlias relation) => $"{Quote(table)} AS {relation}";

    public virtual string SubqueryRelation(string subquery, RelationAlias relation) => $"{subquery} AS {relation}";

    public virtual string Column(RelationAlias relation, string column) => $"{relation}.{Quote(column)}";

    public virtual string JoinParent(RelationAlias child, string childTable, TableSchema parent, RelationAlias relation, string key, IReadOnlyCollection<string> columns)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return $"JOIN {Quote(parent.Name)} AS {relation} ON {Column(relation, key)} = {Column(child, key)}";
    }

    public virtual string InReportingCurrency(string amount, string currency, string day, string reportingCurrency) =>
        $"({amount} * CASE WHEN {currency} = {reportingCurrency} THEN 1.0 ELSE (SELECT fx.rate FROM fx_rates AS fx " +
        $"WHERE fx.currency = {currency} AND fx.date <= CAST({day} AS DATE) ORDER BY fx.date DESC LIMIT 1) END)";

    public virtual string? JoinReference(ReferenceTable table, RelationAlias relation, string keyExpression, string asOf)
    {
        ArgumentNullException.ThrowIfNull(table);
        // Each row's validity [__from, __to): a key's first row from the start of time (-infinity), its last row without
        // end (infinity). Every condition is a plain comparison of the two sides, so the engine joins by hash on the key
        // (an OR in a LEFT JOIN's condition made DuckDB compare every row with every reference row: 8x the CPU of the
        // rollup's decisions aggregate at 1M rows). The dating column is never NULL (a required column of every table).
        var from = Quote(table.ValidFrom);
        var rows = $"(SELECT *, CASE WHEN row_number() OVER w > 1 THEN {from} ELSE DATE '-infinity' END AS __from, " +
                   $"coalesce(lead({from}) OVER w, DATE 'infinity') AS __to " +
                   $"FROM {Quote(table.Name)} WINDOW w AS (PARTITION BY {Quote(table.Key)} ORDER BY {from}))";
        return $"LEFT JOIN {rows} AS {relation} ON {Column(relation, table.Key)} = {keyExpression} " +
               $"AND {asOf} >= {relation}.__from AND {asOf} < {relation}.__to";
    }

    public virtual string ReferenceColumn(ReferenceTable table, RelationAlias relation, string column, string keyExpression, string asOf) => Column(relation, column);

    public virtual ISqlDialect Reaching(ReferenceData reachable) => this;

    public virtual (string Join, string? Where) JoinRows(IReadOnlyList<IReadOnlyList<string>> rows, RelationAlias relation, IReadOnlyList<string> columns, string condition) =>
        ($"JOIN (VALUES {string.Join(", ", rows.Select(r => "(" + string.Join(", ", r) + ")"))}) AS {relation}({string.Join(", ", columns)}) ON {condition}", null);

    public virtual bool RunningSums => true;

    public virtual string Ranked(IReadOnlyList<string> keys, string values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var partition = keys.Count == 0 ? "" : "PARTITION BY " + string.Join(", ", keys);
        var names = string.Join("", keys.Select(k => k + ", "));
        return $"""
            SELECT {names}x, row_number() OVER ({partition} ORDER BY x) AS rn, count(*) OVER ({partition}) AS n
              FROM ({values}) AS v
            """;
    }

    public virtual string InCalendar(string timestamp) =>
        $"{timestamp} BETWEEN TIMESTAMP '0001-01-02' AND TIMESTAMP '9999-12-30'";

    protected abstract string QuantileCall(string value, double quantile);

    /// <summary>Column names, quoted, comma-separated.</summary>
    protected string QuoteAll(IEnumerable<string> columns) => string.Join(", ", columns.Select(Quote));

    protected static string Unit(TimeGrain grain) => grain switch
    {
        TimeGrain.Hour => "hour",
        TimeGrain.Day => "day",
        TimeGrain.Week => "week",
        TimeGrain.Month => "month",
        TimeGrain.Quarter => "quarter",
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "No bucket for the whole period."),
    };
}
