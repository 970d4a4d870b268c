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

    public virtual string Numbered(string table, string partition, string orderBy) =>
        $"(SELECT *, row_number() OVER (PARTITION BY {partition} ORDER BY {orderBy}) AS __rn FROM {table})";

    public virtual string Relation(string relation, string name) => $"{relation} AS {name}";

    public virtual string Column(string name, string column) => $"{name}.{Quote(column)}";

    public virtual string JoinParent(string child, string table, string name, string key, IReadOnlyCollection<string> columns) =>
        $"JOIN {Quote(table)} AS {name} ON {Column(name, key)} = {Column("t", key)}";

    public virtual string? JoinReference(string table, string name, string key, string keyExpression) =>
        $"LEFT JOIN {Quote(table)} AS {name} ON {Column(name, key)} = {keyExpression}";

    public virtual string ReferenceColumn(string table, string name, string key, string column, string keyExpression) => Column(name, column);

    public virtual (string Join, string? Where) JoinRows(IReadOnlyList<IReadOnlyList<string>> rows, string name, IReadOnlyList<string> columns, string condition) =>
        ($"JOIN (VALUES {string.Join(", ", rows.Select(r => "(" + string.Join(", ", r) + ")"))}) AS {name}({string.Join(", ", columns)}) ON {condition}", null);

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

    protected abstract string QuantileCall(string value, double quantile);

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
