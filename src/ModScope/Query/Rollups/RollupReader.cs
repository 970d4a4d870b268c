using System.Globalization;
using ModScope.Catalog;

namespace ModScope.Query.Rollups;

/// <summary>
/// The door's choice: whether a request can be answered from one of the catalogue's rollups, which, and, statement by
/// statement, the SQL that reads it. A rollup covers a request when it is current (built for this catalogue's layout and
/// through the store's last load), the request's grain is a day or coarser, its period whole days in the rollup's time
/// zone (and the request's zone that zone), and each of its dimensions and filters (scopes included) one of the rollup's
/// dimensions. Among the rollups that cover it, the door reads the one with the fewest stored rows (the store's own
/// estimate, <see cref="RollupState.Rows"/>; on a tie or when unknown, the first in the catalogue). A statement is read
/// from that rollup when its table holds every atom it needs; the rest are raw. The sums of the stored pieces are the
/// raw aggregates, so intervals and tests are computed from the same numbers.
/// </summary>
internal sealed class RollupReader
{
    private readonly RollupLayout _layout;
    private readonly RequestScope _scope;
    private readonly ISqlDialect _dialect;
    private readonly List<string> _raw = [];

    /// <summary>Each catalogue's layouts (one per rollup, in its order), written once (a request only needs their hashes and tables).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MetricCatalog, IReadOnlyList<RollupLayout>> Layouts = [];

    private RollupReader(RollupLayout layout, RequestScope scope, ISqlDialect dialect) => (_layout, _scope, _dialect) = (layout, scope, dialect);

    /// <summary>Records why a statement the planner writes raw is not read from the rollup.</summary>
    public void Raw(string reason) => _raw.Add(reason);

    /// <summary>For <c>--explain</c>: the rollup, and which statements were read raw and why.</summary>
    public string Answered => (_raw.Count == 0 ? $"rollup {Name}" : $"rollup {Name}; raw: {string.Join("; ", _raw.Distinct())}") +
        (Approximate ? $"; quantiles approximate (log-bucket sketch, relative error <= {Stats.LogBucketSketch.RelativeErrorText}; --exact reads them raw)" : "");

    /// <summary>
    /// A reader of the smallest current rollup that covers the request, or null with the reason the whole request is read
    /// raw (when no rollup covers it, each rollup's reason, joined by "; ").
    /// </summary>
    public static RollupReader? For(MetricCatalog catalog, ISqlDialect dialect, Func<string, RollupState?> state, RequestScope scope, out string reason)
    {
        var request = scope.Request;
        reason = request.Exact ? "--exact asks for raw rows"
            : catalog.Rollups.Count == 0 ? "the catalogue has no rollup"
            : request.Grain == TimeGrain.Hour ? "grain hour is finer than the rollups' day"
            : request.Period.Start.TimeOfDay != TimeSpan.Zero || request.Period.End.TimeOfDay != TimeSpan.Zero ? "the period is not whole days"
            : "";
        if (reason.Length > 0)
        {
            return null;
        }
        // The reader needs only the layouts' tables and hashes, which are the same in every dialect.
        var layouts = Layouts.GetValue(catalog, c => c.Rollups.Select(r => new RollupLayout(c, r, DuckDbDialect.Instance)).ToList());
        var why = new List<string>();
        (RollupLayout Layout, long Rows)? chosen = null;
        foreach (var layout in layouts)
        {
            var stored = state(layout.Definition.Name);
            if (WhyNot(layout, stored, request) is { } not)
            {
                why.Add(not);
                continue;
            }
            // Unknown sizes last; between equal sizes the first in the catalogue.
            var rows = stored!.Rows ?? long.MaxValue;
            if (chosen is null || rows < chosen.Value.Rows)
            {
                chosen = (layout, rows);
            }
        }
        if (chosen is not { } pick)
        {
            reason = string.Join("; ", why);
            return null;
        }
        return new RollupReader(pick.Layout, scope, dialect);
    }

    /// <summary>Why <paramref name="layout"/>'s rollup (as the store holds it) does not cover the request, or null when it does.</summary>
    private static string? WhyNot(RollupLayout layout, RollupState? stored, MetricRequest request)
    {
        var rollup = layout.Definition;
        return stored is null ? $"the store has no rollup {rollup.Name} (built at the next load)"
            : stored.LayoutHash != layout.Hash ? $"rollup {rollup.Name} was built for another catalogue (rebuilt at the next load)"
            : stored.LoadId != stored.LatestLoadId ? $"rollup {rollup.Name} includes loads up to {stored.LoadId}, the store has {stored.LatestLoadId}"
            : request.Period.TimeZone != rollup.TimeZone ? $"time zone {request.Period.TimeZone} is not rollup {rollup.Name}'s ({rollup.TimeZone})"
            : request.Dimensions.Concat(request.Filters.Select(f => f.Dimension)).FirstOrDefault(d => !rollup.Dimensions.Contains(d)) is { } outside
                ? $"dimension '{outside}' is not in rollup {rollup.Name}"
            : null;
    }

    /// <summary>
    /// The aggregates of <paramref name="atoms"/> from the rollup, or null (raw) when its table lacks one. Its groups are
    /// those of the raw statement of <paramref name="group"/> (default: the atoms), e.g. with the quantiles a sketch reads.
    /// </summary>
    public PlannedStatement? Aggregates(string source, string time, IReadOnlyList<Atom> atoms, IReadOnlyList<Atom>? group = null)
    {
        var table = Table(StatementKind.Aggregates, source, time, t => true);
        // The raw statement keeps a group only when a row meets the conditions its atoms share: so does this one.
        group ??= atoms;
        var shared = group.Skip(1).Aggregate(group[0].Measure.Where.ToList(),
            (common, a) => common.Where(c => a.Measure.Where.Any(o => o.ToString() == c.ToString())).ToList());
        var rows = table?.ValueColumn(RollupLayout.RowCount(source, time, shared).Key);
        var values = new List<string>();
        foreach (var atom in atoms)
        {
            var value = table is null ? null : Value(_dialect, table, atom);
            if (value is null || rows is null)
            {
                _raw.Add($"{atom.Measure.AggregateName} over {source} by {time} is not in the rollup");
                return null;
            }
            values.Add(value);
        }
        return Statement(table!, StatementKind.Aggregates, values, [], $"HAVING sum(r.{rows}) > 0", atoms.Select(a => a.Key).ToList(),
            $"{string.Join(", ", atoms.Select(a => a.Measure.AggregateName).Distinct())} over {source} dated by {time}");
    }

    /// <summary>The QA strata of the metrics from the rollup (population and sample size are each stratum's maximum, as raw).</summary>
    public PlannedStatement? Strata(IReadOnlyList<(string MetricId, ProportionDefinition Proportion)> metrics)
    {
        var (source, time) = (metrics[0].Proportion.Source, metrics[0].Proportion.Time);
        var table = Table(StatementKind.Strata, source, time, t => metrics.All(m => t.Outputs.Contains(m.MetricId)));
        if (table is null)
        {
            _raw.Add($"QA strata over {source} by {time} are not in the rollup");
            return null;
        }
        var values = new List<string> { "r.v0", _dialect.Aggregate(AggregateKind.Max, "r.v1", null), _dialect.Aggregate(AggregateKind.Max, "r.v2", null) };
        foreach (var (id, _) in metrics)
        {
            values.Add($"CAST(sum(r.{table.ValueColumn(id, 3, 2)}) AS BIGINT)");
            values.Add($"CAST(sum(r.{table.ValueColumn(id, 4, 2)}) AS BIGINT)");
        }
        var ids = metrics.Select(m => m.MetricId).ToList();
        return Statement(table, StatementKind.Strata, values, ["r.v0"], "", ids, $"QA strata for {string.Join(", ", ids)}");
    }

    /// <summary>
    /// The quantiles of the same values (<paramref name="atoms"/>) from the rollup's log-bucket sketch, the days' buckets
    /// summed per group; null (raw) when the rollup has no sketch of those values. The answer is approximate (1%).
    /// </summary>
    public PlannedStatement? Sketch(IReadOnlyList<Atom> atoms)
    {
        var m = atoms[0].Measure;
        var table = Table(StatementKind.Sketch, m.Source, m.Time!, t => t.Outputs.Contains(atoms[0].ValuesKey));
        if (table is null)
        {
            _raw.Add($"{string.Join(", ", atoms.Select(a => a.Measure.AggregateName).Distinct())} over {m.Source} has no sketch in the rollup");
            return null;
        }
        return Statement(table, StatementKind.Sketch, ["r.v0", "r.v1", "CAST(sum(r.v2) AS BIGINT)"], ["r.v0", "r.v1"], "", atoms.Select(a => a.Key).ToList(),
            $"quantile sketch of the {string.Join(" and ", atoms.Select(a => a.Measure.AggregateName))} over {m.Source}");
    }

    /// <summary>Whether the plan reads a quantile sketch (its values approximate).</summary>
    public bool Approximate { get; private set; }

    /// <summary>Records that the plan reads the sketch statements it was given (for <c>--explain</c>).</summary>
    public void ReadsSketches() => Approximate = true;

    /// <summary>The double-audit pairs of an agreement metric from the rollup.</summary>
    public PlannedStatement? Pairs(string metricId, AgreementDefinition agreement)
    {
        var table = Table(StatementKind.Pairs, agreement.Source, agreement.Time, t => t.Outputs.Contains(metricId));
        if (table is null)
        {
            _raw.Add($"pairs for {metricId} are not in the rollup");
            return null;
        }
        return Statement(table, StatementKind.Pairs, ["r.v0", "r.v1", "CAST(sum(r.v2) AS BIGINT)"], ["r.v0", "r.v1"], "", [metricId], $"double-audit pairs for {metricId}");
    }

    /// <summary>
    /// Rows open at each bucket's end from the table of openings and closings: a stored row (opened on day k0, open until
    /// day v0) counts at a snapshot s (a local day's start) when k0 &lt; s ≤ v0, the raw condition o &lt; s ≤ c on whole days.
    /// Each snapshot is joined to the stored rows as raw joins it to the rows, so the groups are raw's (a segment's bucket
    /// with no open row has none); null (raw) when the rollup lacks the atoms.
    /// </summary>
    public PlannedStatement? OpenAtEnd(string source, string opened, IReadOnlyList<Atom> atoms)
    {
        var table = Table(StatementKind.Openings, source, opened, t => atoms.All(a => t.Outputs.Contains(a.Key)));
        if (table is null)
        {
            _raw.Add($"rows open at the end of a bucket over {source} are not in the rollup");
            return null;
        }
        var parameters = new SqlParameters(_dialect);
        var request = _scope.Request;
        var snapshots = new RelationAlias("e", RelationRole.Rows);
        var ends = Buckets.Within(request.Period, request.Grain)
            .Select(b => (IReadOnlyList<string>)[$"CAST({parameters.Add(b.Start)} AS TIMESTAMP)", $"CAST({parameters.Add(b.End)} AS TIMESTAMP)"]).ToList();
        var (join, joinWhere) = _dialect.JoinRows(ends, snapshots, ["bucket_start", "snapshot_at"], $"r.k0 < {snapshots}.snapshot_at AND r.v0 >= {snapshots}.snapshot_at");
        var keys = new List<string>();
        if (_scope.HasBucket)
        {
            keys.Add($"{snapshots}.bucket_start");
        }
        keys.AddRange(_scope.Dimensions.Select(d => "r." + table.DimensionColumn(d.Id)));
        var values = atoms.Select(a => $"CAST(sum(r.{table.ValueColumn(a.Key, 2)}) AS BIGINT)");
        // Every snapshot lies after the period's start and at or before its end: the stored rows that can meet one.
        var where = new List<string> { $"r.k0 < {parameters.Add(request.Period.End)}", $"r.v0 >= {parameters.Add(request.Period.Start)}" };
        where.AddRange(new[] { joinWhere, _scope.FilterSql(d => "r." + table.DimensionColumn(d.Id), parameters) }.OfType<string>());
        var columns = keys.Select((k, i) => $"{k} AS o_k{i.ToString(CultureInfo.InvariantCulture)}")
            .Concat(values.Select((v, i) => $"{v} AS o_v{i.ToString(CultureInfo.InvariantCulture)}"));
        var sql = $"SELECT {string.Join(",\n       ", columns)}\nFROM {_dialect.Quote(table.Name)} AS r\n  {join}\nWHERE {string.Join("\n  AND ", where.Select(w => $"({w})"))}" +
                  (keys.Count > 0 ? $"\nGROUP BY {string.Join(", ", keys)}" : "");
        return new PlannedStatement($"open at period end over {source}, from rollup {Name}", StatementKind.Aggregates, sql, parameters.Values, keys.Count,
            atoms.Select(a => a.Key).ToList());
    }

    /// <summary>The rollup's name.</summary>
    public string Name => _layout.Definition.Name;

    private RollupTable? Table(StatementKind kind, string source, string time, Func<RollupTable, bool> holds) =>
        _layout.Tables.FirstOrDefault(t => t.Kind == kind && t.Source == source && t.Time == time && holds(t)
            && _scope.Dimensions.Concat(_scope.Filters.Select(f => f.Dimension)).All(d => t.DimensionColumn(d.Id) is not null));

    /// <summary>An atom as sums of stored columns: a count or sum, a moment, or a mean as a sum over a count.</summary>
    private static string? Value(ISqlDialect dialect, RollupTable table, Atom atom)
    {
        if (atom.Moment != AtomMoment.Value || atom.Measure.Aggregate is AggregateFunction.Count or AggregateFunction.Sum)
        {
            return table.ValueColumn(atom.Key) is { } column ? dialect.ToDouble(Sum(dialect, column)) : null;
        }
        if (atom.Measure.Aggregate != AggregateFunction.Avg)
        {
            return null;
        }
        var sum = table.ValueColumn(Atom.Of(atom.Measure with { Aggregate = AggregateFunction.Sum }).Key);
        var count = table.ValueColumn(Atom.Of(atom.Measure, AtomMoment.Count).Key);
        return sum is null || count is null ? null : $"({dialect.ToDouble(Sum(dialect, sum))} / nullif({Sum(dialect, count)}, 0))";
    }

    /// <summary>The sum of a stored column over the group (NULL when it holds no value, as the raw aggregate).</summary>
    private static string Sum(ISqlDialect dialect, string column) => dialect.Aggregate(AggregateKind.Sum, $"r.{column}", null);

    private PlannedStatement Statement(RollupTable table, StatementKind kind, IReadOnlyList<string> values, IReadOnlyList<string> alsoGroupBy, string having,
        IReadOnlyList<string> outputs, string purpose)
    {
        var parameters = new SqlParameters(_dialect);
        var keys = new List<string>();
        if (_scope.HasBucket)
        {
            keys.Add(_scope.Request.Grain == TimeGrain.Day ? "r.k0" : _dialect.Truncate("r.k0", _scope.Request.Grain));
        }
        keys.AddRange(_scope.Dimensions.Select(d => "r." + table.DimensionColumn(d.Id)));
        var where = new List<string> { $"r.k0 >= {parameters.Add(_scope.Request.Period.Start)}", $"r.k0 < {parameters.Add(_scope.Request.Period.End)}" };
        if (_scope.FilterSql(d => "r." + table.DimensionColumn(d.Id), parameters) is { } filter)
        {
            where.Add(filter);
        }
        // Output names unlike the stored columns': ClickHouse 18.16 reads a column named as an alias as the alias's expression.
        var columns = keys.Select((k, i) => $"{k} AS o_k{i.ToString(CultureInfo.InvariantCulture)}")
            .Concat(values.Select((v, i) => $"{v} AS o_v{i.ToString(CultureInfo.InvariantCulture)}"));
        var group = keys.Concat(alsoGroupBy).ToList();
        var sql = $"SELECT {string.Join(",\n       ", columns)}\nFROM {_dialect.Quote(table.Name)} AS r\nWHERE {string.Join("\n  AND ", where.Select(w => $"({w})"))}" +
                  (group.Count > 0 ? $"\nGROUP BY {string.Join(", ", group)}" : "") +
                  // Without a group key the raw statement answers one row even over no rows (a count of 0): so does this one.
                  (having.Length > 0 && keys.Count > 0 ? "\n" + having : "");
        return new PlannedStatement($"{purpose}, from rollup {Name}", kind, sql, parameters.Values, keys.Count, outputs);
    }
}
