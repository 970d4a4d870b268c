using System.Globalization;
using ModScope.Catalog;
using ModScope.Model;

namespace ModScope.Query;

/// <summary>Writes the SQL of each kind of planned statement for one request.</summary>
internal sealed class StatementBuilder(ISqlDialect dialect, RequestScope scope)
{
    // The first audit of a decision is its earliest; ties go to the smaller audit id.
    private static readonly string[] FirstAuditOrder = ["audited_at", "audit_id"];

    /// <summary>The literal snapshots (bucket starts and ends) joined to each row when counting rows open at a bucket's end.</summary>
    private static readonly RelationAlias Snapshots = new("e", RelationRole.Rows);

    /// <summary>
    /// Rows to read instead of the source's stored table (a parenthesised subquery over it) in <see cref="Aggregates"/>,
    /// <see cref="Openings"/> and <see cref="Sketch"/>, whose rows each count on their own: a rollup's upkeep aggregates
    /// just a load's rows of new days. Null: the stored table.
    /// </summary>
    public string? Rows { get; init; }

    public PlannedStatement Aggregates(string source, string time, IReadOnlyList<Atom> atoms)
    {
        var parameters = new SqlParameters(dialect);
        var relation = new SourceRelation(dialect, source, Rows) { Money = (parameters, scope.ReportingCurrency) };
        var keys = Keys(relation, time, parameters);
        // Conditions every atom shares go to WHERE, so the engine filters rows before aggregating; the rest
        // become per-aggregate FILTERs. (A group left with no rows has counted nothing: the evaluator reads 0.)
        var shared = atoms.Skip(1).Aggregate(atoms[0].Measure.Where.ToList(),
            (common, a) => common.Where(c => a.Measure.Where.Any(o => o.ToString() == c.ToString())).ToList());
        var values = atoms.Select(a => Aggregate(a, relation,
            relation.Conditions(a.Measure.Where.Where(c => shared.All(s => s.ToString() != c.ToString())).ToList(), parameters))).ToList();
        var where = Where(scope.InPeriod(relation, time, parameters), relation.Conditions(shared, parameters), scope.FilterSql(relation, parameters));
        return new PlannedStatement($"{string.Join(", ", atoms.Select(a => a.Measure.AggregateName).Distinct())} over {source} dated by {time}",
            StatementKind.Aggregates, Select(keys, values, relation.From, where), parameters.Values, keys.Count, atoms.Select(a => a.Key).ToList());
    }

    /// <summary>Rows open at each bucket's end: opened before it and closed at or after it.</summary>
    public PlannedStatement OpenAtEnd(string source, string opened, string closed, IReadOnlyList<Atom> atoms)
    {
        var instants = ColumnPaths.Resolve(source, opened).Kind != ColumnKind.Date && ColumnPaths.Resolve(source, closed).Kind != ColumnKind.Date;
        return dialect.RunningSums && scope.HasBucket && instants
            ? RunningOpenAtEnd(source, opened, closed, atoms)
            : JoinedOpenAtEnd(source, opened, closed, atoms);
    }

    /// <summary>
    /// Rows open at each bucket's end as running sums. A row opened at o and closed at c is open at snapshot s when
    /// o &lt; s ≤ c, so the count at s is #{o &lt; s} − #{max(o, c) &lt; s} (the max: a row closed before it opened is never
    /// open, and a row never closed is not counted, as in the join). Openings and closings are counted per bucket (those
    /// before the period in the first bucket), summed in bucket order per segment, and a segment's bucket with no open
    /// row is left out, as the join leaves it out. Two grouped scans instead of a range join of every row to every snapshot.
    /// </summary>
    private PlannedStatement RunningOpenAtEnd(string source, string opened, string closed, IReadOnlyList<Atom> atoms)
    {
        var parameters = new SqlParameters(dialect);
        var relation = new SourceRelation(dialect, source) { Money = (parameters, scope.ReportingCurrency) };
        var (open, close) = (relation.Column(opened), relation.Column(closed));
        var (start, end) = (parameters.Add(scope.StartUtc), parameters.Add(scope.EndUtc));
        var dimensions = scope.Dimensions.Select(relation.Dimension).ToList();
        var conditions = atoms.Select(a => relation.Conditions(a.Measure.Where, parameters)).ToList();
        var filter = scope.FilterSql(relation, parameters);
        var segments = dimensions.Select((_, i) => $"g{i.ToString(CultureInfo.InvariantCulture)}").ToList();
        string Events(string at, string sign)
        {
            var bucket = scope.BucketOfUtc($"greatest({at}, {start})", parameters);
            var columns = dimensions.Select((d, i) => $"{d} AS {segments[i]}")
                .Concat(conditions.Select((c, i) => $"{sign}{dialect.Aggregate(AggregateKind.Count, null, c)} AS c{i.ToString(CultureInfo.InvariantCulture)}"))
                .Prepend($"{bucket} AS b").Append($"{sign}count(*) AS c_all");
            return $"SELECT {string.Join(", ", columns)}\n  FROM {relation.From}{Where($"{at} < {end}", $"{close} IS NOT NULL", filter)}" +
                   $"\n  GROUP BY {string.Join(", ", dimensions.Prepend(bucket))}";
        }
        var events = $"{Events(open, "")}\n  UNION ALL\n  {Events($"greatest({open}, {close})", "-")}";
        var buckets = string.Join(", ", Buckets.Within(scope.Request.Period, scope.Request.Grain).Select(b => $"(CAST({parameters.Add(b.Start)} AS TIMESTAMP))"));
        var grid = segments.Count == 0
            ? $"(VALUES {buckets}) AS e(bucket_start)\n    LEFT JOIN ev ON ev.b = e.bucket_start"
            : $"(SELECT DISTINCT {string.Join(", ", segments)} FROM ev) AS g\n    CROSS JOIN (VALUES {buckets}) AS e(bucket_start)\n    LEFT JOIN ev ON ev.b = e.bucket_start" +
              string.Concat(segments.Select(g => $" AND ev.{g} IS NOT DISTINCT FROM g.{g}"));
        var window = $"OVER ({(segments.Count == 0 ? "" : $"PARTITION BY {string.Join(", ", segments.Select(g => "g." + g))} ")}ORDER BY e.bucket_start)";
        var keys = segments.Select((g, i) => $"g.{g} AS k{(i + 1).ToString(CultureInfo.InvariantCulture)}").Prepend("e.bucket_start AS k0");
        var values = conditions.Select((_, i) => $"CAST(sum(sum(ev.c{i.ToString(CultureInfo.InvariantCulture)})) {window} AS BIGINT) AS v{i.ToString(CultureInfo.InvariantCulture)}");
        var names = Enumerable.Range(0, 1 + segments.Count).Select(i => $"k{i.ToString(CultureInfo.InvariantCulture)}")
            .Concat(conditions.Select((_, i) => $"v{i.ToString(CultureInfo.InvariantCulture)}"));
        var sql = $"""
            WITH ev AS (
              {events})
            SELECT {string.Join(", ", names)} FROM (
              SELECT {string.Join(", ", keys.Concat(values))}, sum(sum(ev.c_all)) {window} AS n
              FROM {grid}
              GROUP BY {string.Join(", ", segments.Select(g => "g." + g).Prepend("e.bucket_start"))}) AS r
            WHERE n > 0
            """;
        return new PlannedStatement($"open at period end over {source} ({opened} to {closed}), running sums", StatementKind.Aggregates,
            sql, parameters.Values, 1 + segments.Count, atoms.Select(a => a.Key).ToList());
    }

    /// <summary>Rows open at each snapshot, by joining every row to every snapshot it is open at.</summary>
    private PlannedStatement JoinedOpenAtEnd(string source, string opened, string closed, IReadOnlyList<Atom> atoms)
    {
        var parameters = new SqlParameters(dialect);
        var relation = new SourceRelation(dialect, source) { Money = (parameters, scope.ReportingCurrency) };
        var ends = Buckets.Within(scope.Request.Period, scope.Request.Grain).Select(b => (IReadOnlyList<string>)
            [$"CAST({parameters.Add(b.Start)} AS TIMESTAMP)", $"CAST({parameters.Add(scope.ToUtc(b.End))} AS TIMESTAMP)"]).ToList();
        var keys = new List<string>();
        if (scope.HasBucket)
        {
            keys.Add($"{Snapshots}.bucket_start");
        }
        keys.AddRange(scope.Dimensions.Select(relation.Dimension));
        var values = atoms.Select(a => dialect.Aggregate(AggregateKind.Count, null, relation.Conditions(a.Measure.Where, parameters))).ToList();
        var (join, joinWhere) = dialect.JoinRows(ends, Snapshots, ["bucket_start", "snapshot_at"],
            $"{relation.Column(opened)} < {Snapshots}.snapshot_at AND {relation.Column(closed)} >= {Snapshots}.snapshot_at");
        // The filter first: a filter on a looked-up column (region) adds its join to the relation's FROM.
        var filter = scope.FilterSql(relation, parameters);
        var from = relation.From + "\n  " + join;
        return new PlannedStatement($"open at period end over {source} ({opened} to {closed})", StatementKind.Aggregates,
            Select(keys, values, from, Where(joinWhere, filter)), parameters.Values, keys.Count,
            atoms.Select(a => a.Key).ToList());
    }

    /// <summary>
    /// A rollup's table of openings and closings: per local day a row opened (<c>k0</c>) × dimensions × the local day it
    /// stopped being open (<c>v0</c>: its closing, or its opening when it closed earlier), the rows (<c>v1</c>) and those
    /// meeting each atom's conditions (<c>v2…</c>). A row is open at a day's start s when opened before s and closed at or
    /// after s, which for whole days is k0 &lt; day(s) ≤ v0; a row never closed is never counted, as in the raw statements.
    /// </summary>
    public PlannedStatement Openings(string source, string opened, string closed, IReadOnlyList<Atom> atoms)
    {
        var parameters = new SqlParameters(dialect);
        var relation = new SourceRelation(dialect, source, Rows) { Money = (parameters, scope.ReportingCurrency) };
        var (open, close) = (relation.Column(opened), relation.Column(closed));
        var keys = Keys(relation, opened, parameters);
        var until = scope.BucketOfUtc($"CASE WHEN {close} > {open} THEN {close} ELSE {open} END", parameters);
        var values = atoms.Select(a => dialect.Aggregate(AggregateKind.Count, null, relation.Conditions(a.Measure.Where, parameters)))
            .Prepend(dialect.Aggregate(AggregateKind.Count, null, null)).Prepend(until).ToList();
        var where = Where(scope.InPeriod(relation, opened, parameters), $"{close} IS NOT NULL", scope.FilterSql(relation, parameters));
        return new PlannedStatement($"openings and closings over {source} ({opened} to {closed})", StatementKind.Openings,
            Select(keys, values, relation.From, where, [.. keys, until]), parameters.Values, keys.Count, atoms.Select(a => a.Key).ToList());
    }

    /// <summary>
    /// Per stratum: population, sample size, then audits in the domain and successes of each metric (first audit of
    /// each decision). Metrics over the same audits and dating column share one statement: one scan, one numbering.
    /// </summary>
    public PlannedStatement Strata(IReadOnlyList<(string MetricId, ProportionDefinition Proportion)> metrics)
    {
        var (source, time) = (metrics[0].Proportion.Source, metrics[0].Proportion.Time);
        var parameters = new SqlParameters(dialect);
        var first = dialect.Numbered(TableOf(source), ["decision_id"], FirstAuditOrder);
        var relation = new SourceRelation(dialect, source, first) { Money = (parameters, scope.ReportingCurrency) };
        var keys = Keys(relation, time, parameters);
        var stratum = relation.Column("stratum");
        var values = new List<string>
        {
            stratum,
            dialect.Aggregate(AggregateKind.Max, relation.Column("stratum_population"), null),
            dialect.Aggregate(AggregateKind.Max, relation.Column("stratum_sample_size"), null),
        };
        foreach (var (_, proportion) in metrics)
        {
            var population = relation.Conditions(proportion.Population, parameters);
            var success = relation.Conditions(proportion.Success, parameters);
            values.Add(dialect.Aggregate(AggregateKind.Count, null, population));
            values.Add(dialect.Aggregate(AggregateKind.Count, null, population is null ? success : $"{population} AND {success}"));
        }
        var where = Where($"{relation.Rows}.__rn = 1", scope.InPeriod(relation, time, parameters), scope.FilterSql(relation, parameters));
        var ids = metrics.Select(m => m.MetricId).ToList();
        return new PlannedStatement($"QA strata for {string.Join(", ", ids)}", StatementKind.Strata,
            Select(keys, values, relation.From, where, [.. keys, stratum]), parameters.Values, keys.Count, ids);
    }

    /// <summary>Ratings of the first two audits of each double-audited decision, counted per pair.</summary>
    public PlannedStatement Pairs(string metricId, AgreementDefinition agreement)
    {
        var parameters = new SqlParameters(dialect);
        var rating = dialect.Quote(agreement.Rating);
        var numbered = dialect.Numbered(TableOf(agreement.Source), ["decision_id"], FirstAuditOrder);
        var pairs = $"(SELECT {dialect.Quote("decision_id")}, {dialect.Aggregate(AggregateKind.Max, rating, "__rn = 1")} AS first_rating, " +
                    $"{dialect.Aggregate(AggregateKind.Max, rating, "__rn = 2")} AS second_rating FROM {numbered} AS n " +
                    $"GROUP BY {dialect.Quote("decision_id")} HAVING count(*) >= 2)";
        var relation = new SourceRelation(dialect, agreement.Source, pairs) { Money = (parameters, scope.ReportingCurrency) };
        var keys = Keys(relation, agreement.Time, parameters);
        var (firstRating, secondRating) = ($"{relation.Rows}.first_rating", $"{relation.Rows}.second_rating");
        var values = new List<string> { firstRating, secondRating, dialect.Aggregate(AggregateKind.Count, null, null) };
        var where = Where(scope.InPeriod(relation, agreement.Time, parameters), scope.FilterSql(relation, parameters));
        return new PlannedStatement($"double-audit pairs for {metricId}", StatementKind.Pairs,
            Select(keys, values, relation.From, where, [.. keys, firstRating, secondRating]), parameters.Values, keys.Count, [metricId]);
    }

    /// <summary>
    /// The values around one or more quantiles of the same values in each group, ranked once: enough ranks either side of
    /// each quantile (a normal-approximation window, widened) for the exact order-statistic interval the evaluator picks
    /// from them. A median and a p90 of the same handling times share the one sort.
    /// </summary>
    public PlannedStatement Ranks(IReadOnlyList<Atom> atoms, double confidence)
    {
        var m = atoms[0].Measure;
        var parameters = new SqlParameters(dialect);
        var relation = new SourceRelation(dialect, m.Source) { Money = (parameters, scope.ReportingCurrency) };
        var keys = Keys(relation, m.Time!, parameters);
        var value = relation.Value(m.Value!);
        var where = Where(scope.InPeriod(relation, m.Time!, parameters), relation.Conditions(m.Where, parameters), scope.FilterSql(relation, parameters));
        var keyColumns = string.Join("", keys.Select((k, i) => $"{k} AS k{i.ToString(CultureInfo.InvariantCulture)}, "));
        var keyNames = string.Join("", keys.Select((_, i) => $"k{i.ToString(CultureInfo.InvariantCulture)}, "));
        string? z = null;
        var windows = atoms.Select(a =>
        {
            var q = parameters.Add(a.Measure.Quantile!.Value);
            z ??= parameters.Add(Stats.Critical.TwoSidedZ(confidence) + 0.5);
            return $"rn >= n * {q} - {z} * sqrt(n * {q} * (1 - {q})) - 2 AND rn <= n * {q} + {z} * sqrt(n * {q} * (1 - {q})) + 3";
        }).ToList();
        var ranked = dialect.Ranked(keys.Select((_, i) => $"k{i.ToString(CultureInfo.InvariantCulture)}").ToList(),
            $"SELECT {keyColumns}{value} AS x\n        FROM {relation.From}{where}");
        var sql = $"""
            SELECT {keyNames}n, rn, x FROM (
            {ranked}) AS r
            WHERE {(windows.Count == 1 ? windows[0] : string.Join("\n   OR ", windows.Select(w => $"({w})")))}
            """;
        return new PlannedStatement($"ranks near the {string.Join(" and ", atoms.Select(a => a.Measure.AggregateName))} over {m.Source}", StatementKind.Ranks, sql,
            parameters.Values, keys.Count, atoms.Select(a => a.Key).ToList());
    }

    /// <summary>
    /// The log-bucket sketch of one or more quantiles of the same values (<see cref="Stats.LogBucketSketch"/>): per group,
    /// each bucket's sign (−1, 0, 1), index ⌈ln|x| / ln γ⌉ (0 for zero) and count of values. The rollup keeps it per day.
    /// </summary>
    public PlannedStatement Sketch(IReadOnlyList<Atom> atoms)
    {
        var m = atoms[0].Measure;
        var parameters = new SqlParameters(dialect);
        var relation = new SourceRelation(dialect, m.Source, Rows) { Money = (parameters, scope.ReportingCurrency) };
        var keys = Keys(relation, m.Time!, parameters);
        var value = relation.Value(m.Value!);
        var sign = $"CASE WHEN ({value}) > 0 THEN 1 WHEN ({value}) < 0 THEN -1 ELSE 0 END";
        // The smallest positive double keeps the logarithm finite where the CASE does not use it (zero).
        var index = $"CASE WHEN ({value}) = 0 THEN 0 ELSE {dialect.LogBucket($"greatest(abs({value}), 1e-300)")} END";
        var where = Where(scope.InPeriod(relation, m.Time!, parameters), relation.Conditions(m.Where, parameters), $"({value}) IS NOT NULL",
            scope.FilterSql(relation, parameters));
        return new PlannedStatement($"quantile sketch of the {string.Join(" and ", atoms.Select(a => a.Measure.AggregateName))} over {m.Source}",
            StatementKind.Sketch, Select(keys, [sign, index, dialect.Aggregate(AggregateKind.Count, null, null)], relation.From, where, [.. keys, sign, index]),
            parameters.Values, keys.Count, atoms.Select(a => a.Key).ToList());
    }

    private List<string> Keys(SourceRelation relation, string time, SqlParameters parameters)
    {
        var keys = new List<string>();
        if (scope.HasBucket)
        {
            keys.Add(scope.Bucket(relation, time, parameters));
        }
        keys.AddRange(scope.Dimensions.Select(relation.Dimension));
        return keys;
    }

    private static string Where(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return present.Count == 0 ? "" : "\nWHERE " + string.Join("\n  AND ", present.Select(p => $"({p})"));
    }

    private static string Select(IReadOnlyList<string> keys, IReadOnlyList<string> values, string from, string where, IReadOnlyList<string>? groupBy = null)
    {
        var columns = keys.Select((k, i) => $"{k} AS k{i.ToString(CultureInfo.InvariantCulture)}")
            .Concat(values.Select((v, i) => $"{v} AS v{i.ToString(CultureInfo.InvariantCulture)}"));
        var group = groupBy ?? keys;
        return $"SELECT {string.Join(",\n       ", columns)}\nFROM {from}{where}" +
               (group.Count > 0 ? $"\nGROUP BY {string.Join(", ", group)}" : "");
    }

    /// <summary>The atom's aggregate: the measure's own, or the count of its values or the sum of their squares.</summary>
    private string Aggregate(Atom atom, SourceRelation relation, string? condition)
    {
        var value = atom.Measure.Value is { } v ? relation.Value(v) : null;
        return atom.Moment switch
        {
            AtomMoment.Count => dialect.Aggregate(AggregateKind.Count, null,
                condition is null ? $"{value} IS NOT NULL" : $"({condition}) AND {value} IS NOT NULL"),
            AtomMoment.Squares => dialect.Aggregate(AggregateKind.Sum, $"({value}) * ({value})", condition),
            _ => dialect.Aggregate(KindOf(atom.Measure), value, condition, atom.Measure.Quantile ?? 0),
        };
    }

    private static AggregateKind KindOf(MeasureDefinition measure) => measure.Aggregate switch
    {
        AggregateFunction.Count => AggregateKind.Count,
        AggregateFunction.Sum => AggregateKind.Sum,
        AggregateFunction.Avg => AggregateKind.Avg,
        AggregateFunction.Median or AggregateFunction.P90 => AggregateKind.Quantile,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure.Aggregate, "Not an aggregate."),
    };

    private static TableSchema TableOf(string source) =>
        EventSchema.Find(source) ?? throw new InvalidOperationException($"'{source}' is not an event table.");
}
