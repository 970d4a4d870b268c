using ModScope.Model;

namespace ModScope.Query;

/// <summary>
/// The SQL fragments that differ between engines, each from structured arguments (tables as schemas, column names,
/// aliases with their role), never from SQL text to parse back. The planner writes standard SQL around these; an
/// engine adds a dialect that overrides only what differs (see <see cref="StandardDialect"/>). Each fragment has a
/// table test per dialect (<c>tests/ModScope.Tests/Query/DialectFragmentTests</c>).
/// </summary>
public interface ISqlDialect
{
    string Name { get; }

    /// <summary>A quoted identifier.</summary>
    string Quote(string identifier);

    /// <summary>The placeholder for a bound parameter.</summary>
    string Parameter(string name);

    /// <summary>A stored UTC timestamp as local wall-clock time in the zone bound to <paramref name="timeZoneParameter"/>.</summary>
    string LocalTime(string utcTimestamp, string timeZoneParameter);

    /// <summary>A timestamp moved by a whole number of minutes bound to <paramref name="minutesParameter"/>.</summary>
    string AddMinutes(string timestamp, string minutesParameter);

    /// <summary>The start of the <paramref name="grain"/> bucket holding a local timestamp or date (ISO weeks start Monday).</summary>
    string Truncate(string localTimestamp, TimeGrain grain);

    /// <summary>Hours from <paramref name="earlier"/> to <paramref name="later"/>, as a floating-point number.</summary>
    string HoursBetween(string earlier, string later);

    /// <summary>
    /// <paramref name="amount"/> (in the currency <paramref name="currency"/> names) in <paramref name="reportingCurrency"/>
    /// (a bound parameter): unchanged in the reporting currency, else times the store's <c>fx_rates</c> rate of the
    /// latest date on or before <paramref name="day"/>; NULL when there is no such rate (a data-health finding, never 0).
    /// </summary>
    string InReportingCurrency(string amount, string currency, string day, string reportingCurrency);

    /// <summary>A number as a double-precision float (NULL stays NULL).</summary>
    string ToDouble(string value);

    /// <summary>The quantile sketch's bucket of a positive number: ⌈ln(x) / ln γ⌉ as an integer (<see cref="Stats.LogBucketSketch"/>).</summary>
    string LogBucket(string positive);

    /// <summary>An aggregate over the rows where <paramref name="condition"/> holds (all rows when null).</summary>
    string Aggregate(AggregateKind kind, string? value, string? condition, double quantile = 0);

    /// <summary>
    /// The rows of <paramref name="table"/> numbered 1, 2, ... as <c>__rn</c> within each group of <paramref name="partitionBy"/>,
    /// in the order of <paramref name="orderBy"/> (column names; the dialect quotes them), as a parenthesised subquery.
    /// </summary>
    string Numbered(TableSchema table, IReadOnlyList<string> partitionBy, IReadOnlyList<string> orderBy);

    /// <summary>A stored table under an alias, as written after FROM.</summary>
    string TableRelation(string table, RelationAlias relation);

    /// <summary>A parenthesised subquery under an alias, as written after FROM.</summary>
    string SubqueryRelation(string subquery, RelationAlias relation);

    /// <summary>Column <paramref name="column"/> of the relation under <paramref name="relation"/>.</summary>
    string Column(RelationAlias relation, string column);

    /// <summary>
    /// The join of each row of <paramref name="child"/> (whose table is <paramref name="childTable"/>) to its one parent row of
    /// <paramref name="parent"/> under <paramref name="relation"/>, on <paramref name="key"/>; <paramref name="columns"/> are the
    /// parent's columns the statement reads.
    /// </summary>
    string JoinParent(RelationAlias child, string childTable, TableSchema parent, RelationAlias relation, string key, IReadOnlyCollection<string> columns);

    /// <summary>
    /// The join that makes a reference table's columns readable under <paramref name="relation"/> (a LEFT JOIN of its key to
    /// <paramref name="keyExpression"/>, to the row in force at <paramref name="asOf"/>: a reference row is valid from its
    /// <c>valid_from</c> until the next row of its key, and a key's first row also covers earlier times), or null when the
    /// dialect looks them up inline.
    /// </summary>
    string? JoinReference(ReferenceTable table, RelationAlias relation, string keyExpression, string asOf);

    /// <summary>
    /// A column of a reference table row found by <see cref="JoinReference"/> (NULL when no row matches), or, in a dialect
    /// that looks it up inline, of the row of <paramref name="keyExpression"/> in force at <paramref name="asOf"/>.
    /// </summary>
    string ReferenceColumn(ReferenceTable table, RelationAlias relation, string column, string keyExpression, string asOf);

    /// <summary>
    /// The dialect for a scoped request, whose rows can name only the keys of <paramref name="reachable"/> (the scope's
    /// markets, their queues, its sites): a dialect that writes reference rows into its SQL writes only those, so the SQL a
    /// scoped caller is shown names nothing outside the scope. A dialect that joins the reference tables returns itself.
    /// </summary>
    ISqlDialect Reaching(ReferenceData reachable);

    /// <summary>
    /// The join of each source row to the literal <paramref name="rows"/> (named <paramref name="columns"/> under
    /// <paramref name="relation"/>) where <paramref name="condition"/> holds. Returns the join clause and, when the
    /// dialect cannot put the condition in the join, the condition for WHERE.
    /// </summary>
    (string Join, string? Where) JoinRows(IReadOnlyList<IReadOnlyList<string>> rows, RelationAlias relation, IReadOnlyList<string> columns, string condition);

    /// <summary>
    /// Whether the engine has running sums (<c>sum(...) OVER (PARTITION BY ... ORDER BY ...)</c>). With them, the rows
    /// open at each snapshot are counted as running sums of openings and closings; without them, each row is joined to
    /// each snapshot.
    /// </summary>
    bool RunningSums { get; }

    /// <summary>
    /// The rows of <paramref name="values"/> (columns <paramref name="keys"/> and <c>x</c>) with <c>rn</c>, the rank of
    /// <c>x</c> within its key group (1 = smallest), and <c>n</c>, the size of the group.
    /// </summary>
    string Ranked(IReadOnlyList<string> keys, string values);

    /// <summary>
    /// A condition true when <paramref name="timestamp"/>'s day and the days either side of it are .NET dates. Ingest
    /// keeps timestamps in a plausible window, but a store loaded before it did may hold 9999-12-31, year 294247 or
    /// infinity; reads of "the newest day" pass those over so that "the day after" always exists.
    /// </summary>
    string InCalendar(string timestamp);
}

/// <summary>The aggregates a dialect renders.</summary>
public enum AggregateKind
{
    Count,
    Sum,
    Avg,
    /// <summary>Exact quantile, linear interpolation between order statistics.</summary>
    Quantile,
    Max,
}
