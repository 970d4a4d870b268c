using System.Globalization;
using ModScope.Model;
using ModScope.Query;

namespace ModScope.ClickHouse;

/// <summary>
/// ClickHouse, from 18.16 on (the same SQL runs on 18.16 and on current releases; tested on 18.16 and 26.7): no FILTER, window functions, VALUES lists, non-equality joins or more than one
/// JOIN per SELECT, so conditional aggregates use <c>-If</c>, ranks come from sorted arrays, reference columns
/// are lookups in literal arrays of the cluster's reference rows, and a parent row joins as a prefixed subquery. Tables are
/// ReplacingMergeTree and read with FINAL, so a re-delivered row counts once. Parameters are placeholders the
/// engine replaces with escaped literals (18.16 has no server-side parameters).
/// </summary>
/// <param name="final">Read tables with FINAL (exact at every moment). Without it a key stored twice counts twice
/// until its partition is merged, which the loader does after each load (FINAL is slow on 18.16).</param>
/// <param name="lookups">The reference rows and exchange rates lookups are written from (the engine reads them from the cluster).</param>
public sealed class ClickHouseDialect(bool final = true, ClickHouseLookups? lookups = null) : StandardDialect
{
    private readonly ClickHouseLookups _lookups = lookups ?? ClickHouseLookups.Empty;

    private string Final => final ? " FINAL" : "";

    public override string Name => final ? "clickhouse" : "clickhouse (merged, no FINAL)";

    public override string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "`" + identifier.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "`";
    }

    public override string Parameter(string name) => "{" + name + "}";

    // Stored DateTime values are UTC; the local wall-clock time is re-read as a (zone-less) DateTime.
    public override string LocalTime(string utcTimestamp, string timeZoneParameter) =>
        $"toDateTime(toString({utcTimestamp}, {timeZoneParameter}))";

    public override string Truncate(string localTimestamp, TimeGrain grain) => grain switch
    {
        TimeGrain.Hour => $"toStartOfHour({localTimestamp})",
        TimeGrain.Day => $"toStartOfDay({localTimestamp})",
        TimeGrain.Week => $"toDateTime(toMonday({localTimestamp}))",
        TimeGrain.Month => $"toDateTime(toStartOfMonth({localTimestamp}))",
        TimeGrain.Quarter => $"toDateTime(toStartOfQuarter({localTimestamp}))",
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "No bucket for the whole period."),
    };

    // CAST(NULL AS DOUBLE) is an error in ClickHouse (a non-Nullable target); toFloat64 keeps a NULL.
    public override string ToDouble(string value) => $"toFloat64({value})";

    public override string LogBucket(string positive) =>
        $"toInt32(ceil(log({positive}) / {ModScope.Stats.LogBucketSketch.LogGamma.ToString("R", CultureInfo.InvariantCulture)}))";

    public override string AddMinutes(string timestamp, string minutesParameter) => $"addMinutes({timestamp}, {minutesParameter})";

    public override string HoursBetween(string earlier, string later) => $"((toInt64({later}) - toInt64({earlier})) / 3600.0)";

    // 18.16 has no correlated subquery: the cluster's exchange rates are written in as literal arrays.
    public override string InReportingCurrency(string amount, string currency, string day, string reportingCurrency) =>
        ReferenceLiterals.Converted(_lookups, amount, currency, day, reportingCurrency);

    /// <summary>
    /// <c>-If</c> combinators for FILTER. Sums, averages and maxima over no rows are NULL, as in standard SQL
    /// (ClickHouse gives 0 or nan); the quantile interpolates between order statistics exactly like DuckDB's
    /// <c>quantile_cont</c> (ClickHouse's own <c>quantile</c> samples above 8192 values).
    /// </summary>
    public override string Aggregate(AggregateKind kind, string? value, string? condition, double quantile = 0)
    {
        if (kind == AggregateKind.Count)
        {
            return condition is null ? "count()" : $"countIf({condition})";
        }
        ArgumentNullException.ThrowIfNull(value);
        var present = condition is null ? $"({value}) IS NOT NULL" : $"({value}) IS NOT NULL AND ({condition})";
        if (kind == AggregateKind.Quantile)
        {
            var sorted = condition is null ? $"arraySort(groupArray({value}))" : $"arraySort(groupArrayIf({value}, {condition}))";
            var q = quantile.ToString("R", CultureInfo.InvariantCulture);
            var position = $"({q} * (length({sorted}) - 1))";
            var low = $"{sorted}[toUInt64(floor({position})) + 1]";
            var high = $"{sorted}[least(toUInt64(floor({position})) + 1, length({sorted}) - 1) + 1]";
            var fraction = $"({position} - floor({position}))";
            // DuckDB's interpolation for doubles: lo * (1 - d) + hi * d (the same rounding, bit for bit).
            return $"if(length({sorted}) = 0, NULL, {low} * (1 - {fraction}) + {high} * {fraction})";
        }
        var name = kind switch
        {
            AggregateKind.Sum => "sum",
            AggregateKind.Avg => "avg",
            AggregateKind.Max => "max",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown aggregate."),
        };
        var call = condition is null ? $"{name}({value})" : $"{name}If({value}, {condition})";
        return $"if(countIf({present}) = 0, NULL, {call})";
    }

    /// <summary>Rows numbered through a sorted array of their keys per partition, joined back on the table's key.</summary>
    public override string Numbered(TableSchema table, IReadOnlyList<string> partitionBy, IReadOnlyList<string> orderBy)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(orderBy);
        var key = Quote(table.Key.Single());
        var order = orderBy.Select(Quote).ToList();
        var (name, partition) = (Quote(table.Name), QuoteAll(partitionBy));
        var lambda = $"(__k, {string.Join(", ", order.Select((_, i) => $"__o{i}"))}) -> ({string.Join(", ", order.Select((_, i) => $"__o{i}"))})";
        var arrays = string.Join(", ", new[] { key }.Concat(order).Select(c => $"groupArray({c})"));
        return $"(SELECT * FROM {name}{Final} ALL INNER JOIN (SELECT __id AS {key}, __rn FROM " +
               $"(SELECT arraySort({lambda}, {arrays}) AS __ids FROM {name}{Final} GROUP BY {partition}) " +
               $"ARRAY JOIN __ids AS __id, arrayEnumerate(__ids) AS __rn) AS __n USING {key})";
    }

    // A stored table is read with FINAL (when reading merged tables is not enough); a subquery as it is.
    // A reference table holds every generation a load shipped: only the one in force is read (the lookups' generation);
    // tables without a committed generation (made before generations) are read whole.
    public override string TableRelation(string table, RelationAlias relation)
    {
        if (!ReferenceSchema.Loadable.Any(t => t.Name == table))
        {
            return $"{Quote(table)} AS {relation}{Final}";
        }
        return _lookups.Generation == 0
            ? $"{Quote(table)} AS {relation}"
            : $"(SELECT * FROM {Quote(table)} WHERE {ClickHouseSchema.RankColumn} = {_lookups.Generation.ToString(CultureInfo.InvariantCulture)}) AS {relation}";
    }

    // Only one JOIN per SELECT, so the joined parent's columns come prefixed (d__verdict) instead of qualified.
    public override string Column(RelationAlias relation, string column)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return relation.Role == RelationRole.Parent ? Quote($"{relation}__{column}") : $"{relation}.{Quote(column)}";
    }

    // Only the parents that have children, and only the columns read: the hash table stays small, and when the child
    // is a subquery (the join then runs on the initiator) little travels from the shards. The joined subquery has an
    // alias: 18.16 accepts one, and current releases require it (joined_subquery_requires_alias).
    public override string JoinParent(RelationAlias child, string childTable, TableSchema parent, RelationAlias relation, string key, IReadOnlyCollection<string> columns)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(columns);
        // The schema's columns in its order, then extra columns of a source mapping (stored on the table, not in the schema).
        var names = parent.Columns.Select(c => c.Name).Where(columns.Contains).Concat(columns.Where(c => parent.Find(c) is null).Order(StringComparer.Ordinal));
        var read = names.Select(c => $", {Quote(c)} AS {Column(relation, c)}");
        return $"ALL INNER JOIN (SELECT {Quote(key)}{string.Concat(read)} FROM {Quote(parent.Name)}{Final} " +
               $"WHERE {Quote(key)} IN (SELECT {Quote(key)} FROM {Quote(childTable)})) AS {relation} USING {Quote(key)}";
    }

    public override string? JoinReference(ReferenceTable table, RelationAlias relation, string keyExpression, string asOf) => null;

    // The cluster's reference rows (with history) as literal arrays: joinGet would resolve its table in the shards'
    // default database, and 18.16 has one JOIN per SELECT.
    public override string ReferenceColumn(ReferenceTable table, RelationAlias relation, string column, string keyExpression, string asOf)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ReferenceLiterals.Column(_lookups, table, column, keyExpression, asOf);
    }

    // A scoped request's rows name only the scope's keys, so its lookups list only those (the SQL shown to the caller
    // names no other market's queue).
    public override ISqlDialect Reaching(ReferenceData reachable) => new ClickHouseDialect(final, _lookups.Reaching(reachable));

    public override (string Join, string? Where) JoinRows(IReadOnlyList<IReadOnlyList<string>> rows, RelationAlias relation, IReadOnlyList<string> columns, string condition)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        var selects = rows.Select((row, r) => "SELECT " + string.Join(", ", row.Select((v, i) => r == 0 ? $"{v} AS {columns[i]}" : v)));
        return ($"CROSS JOIN ({string.Join(" UNION ALL ", selects)}) AS {relation}", condition);
    }

    /// <summary>ClickHouse 18.16 has no window functions.</summary>
    public override bool RunningSums => false;

    // A ClickHouse DateTime lies in 1970..2106: always a .NET date.
    public override string InCalendar(string timestamp) => "1";

    public override string Ranked(IReadOnlyList<string> keys, string values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var names = string.Join("", keys.Select(k => k + ", "));
        var group = keys.Count == 0 ? "" : " GROUP BY " + string.Join(", ", keys);
        return $"""
            SELECT {names}x, rn, n FROM (
                SELECT {names}arraySort(groupArray(x)) AS __s, length(__s) AS n FROM ({values}) AS v{group})
              ARRAY JOIN __s AS x, arrayEnumerate(__s) AS rn
            """;
    }

    protected override string QuantileCall(string value, double quantile) => Aggregate(AggregateKind.Quantile, value, null, quantile);
}
