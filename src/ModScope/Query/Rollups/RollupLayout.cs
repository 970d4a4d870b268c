using System.Security.Cryptography;
using System.Text;
using ModScope.Catalog;

namespace ModScope.Query.Rollups;

/// <summary>
/// The tables of a catalogue's rollup, written by the planner's own <see cref="StatementBuilder"/>: per source and dating
/// column, one statement of every additive atom of the catalogue's metrics (counts, sums, the count and sum of squares of
/// each summed or averaged value, and a count of rows for each set of conditions, so a request's groups are the raw
/// statement's), one of the QA strata of its proportions, one of the pairs of each agreement metric, and one log-bucket
/// sketch per set of quantiles of the same values (<see cref="Stats.LogBucketSketch"/>: buckets' counts add); each at day
/// grain × the rollup dimensions the source carries; and for rows open at a bucket's end, their openings by opening day
/// and closing day (<see cref="StatementBuilder.Openings"/>). <see cref="Hash"/> names the layout, so a rollup built for another catalogue is never read; it is
/// taken over the statements in DuckDB's dialect (<see cref="DuckDbDialect.Instance"/>) whatever the engine or dialect, so it names the catalogue's layout and not an
/// engine's rendering of it (ClickHouse's statements hold the cluster's reference rows and its read mode).
/// </summary>
internal sealed class RollupLayout
{
    /// <summary>Bumped when the way tables are written changes without their SQL changing.</summary>
    private const string Format = "rollup-layout-1";

    public RollupLayout(MetricCatalog catalog, RollupDefinition rollup, ISqlDialect dialect)
    {
        Definition = rollup;
        Dialect = dialect;
        var tables = new List<RollupTable>();
        var measures = catalog.Metrics.SelectMany(CatalogValidator.Measures).Select(m => m.Measure)
            .Where(m => m.Time is not null && m.Aggregate is AggregateFunction.Count or AggregateFunction.Sum or AggregateFunction.Avg);
        foreach (var group in measures.GroupBy(m => (m.Source, Time: m.Time!)))
        {
            var atoms = AtomsOf(group.Key.Source, group.Key.Time, group.ToList());
            tables.Add(Table(tables.Count, StatementKind.Aggregates, group.Key.Source, group.Key.Time, catalog, dialect, atoms.Select(a => a.Key).ToList(),
                (builder, _) => builder.Aggregates(group.Key.Source, group.Key.Time, atoms)));
        }
        foreach (var group in catalog.Metrics.Where(m => m.Proportion is not null).GroupBy(m => (m.Proportion!.Source, m.Proportion.Time)))
        {
            var metrics = group.Select(m => (m.Id, m.Proportion!)).ToList();
            tables.Add(Table(tables.Count, StatementKind.Strata, group.Key.Source, group.Key.Time, catalog, dialect, metrics.Select(m => m.Id).ToList(),
                (builder, _) => builder.Strata(metrics)));
        }
        foreach (var metric in catalog.Metrics.Where(m => m.Agreement is not null))
        {
            tables.Add(Table(tables.Count, StatementKind.Pairs, metric.Agreement!.Source, metric.Agreement.Time, catalog, dialect, [metric.Id],
                (builder, _) => builder.Pairs(metric.Id, metric.Agreement)));
        }
        tables.AddRange(OpeningsTables(catalog, tables.Count));
        // The quantile sketches last, one table per set of quantiles of the same values (a median and a p90 share one).
        var quantiles = catalog.Metrics.SelectMany(CatalogValidator.Measures).Select(m => Atom.Of(m.Measure))
            .Where(a => a.Measure.Quantile is not null && a.Measure.Time is not null && a.Measure.Value is not null).DistinctBy(a => a.Key);
        foreach (var group in quantiles.GroupBy(a => a.ValuesKey))
        {
            var atoms = group.ToList();
            tables.Add(Table(tables.Count, StatementKind.Sketch, atoms[0].Measure.Source, atoms[0].Measure.Time!, catalog, dialect, [group.Key],
                (builder, _) => builder.Sketch(atoms)));
        }
        Tables = tables;
        Hash = HashOf(ReferenceEquals(dialect, DuckDbDialect.Instance) ? tables : new RollupLayout(catalog, rollup, DuckDbDialect.Instance).Tables, rollup);
    }

    public RollupDefinition Definition { get; }

    /// <summary>The dialect its statements are written in.</summary>
    public ISqlDialect Dialect { get; }

    public IReadOnlyList<RollupTable> Tables { get; }

    /// <summary>SHA-256 of the tables' statements in DuckDB's dialect (over a fixed day) and the zone: equal only for the same layout.</summary>
    public string Hash { get; }

    /// <summary>
    /// Per source and opening and closing instants, the openings and closings of the rows open at a bucket's end
    /// (<see cref="StatementBuilder.Openings"/>), dated by the opening: a row's counts move with its opening day.
    /// </summary>
    private IEnumerable<RollupTable> OpeningsTables(MetricCatalog catalog, int first)
    {
        var measures = catalog.Metrics.SelectMany(CatalogValidator.Measures).Select(m => m.Measure)
            .Where(m => m.Aggregate == AggregateFunction.OpenAtEnd && Instant(m.Source, m.Opened!) && Instant(m.Source, m.Closed!));
        var index = first;
        foreach (var group in measures.GroupBy(m => (m.Source, Opened: m.Opened!, Closed: m.Closed!)))
        {
            var atoms = group.Select(m => Atom.Of(m)).DistinctBy(a => a.Key).ToList();
            var (source, opened, closed) = group.Key;
            yield return Table(index++, StatementKind.Openings, source, opened, catalog, Dialect, atoms.Select(a => a.Key).ToList(),
                (builder, _) => builder.Openings(source, opened, closed, atoms));
        }
    }

    private static bool Instant(string source, string column) => ColumnPaths.Resolve(source, column).Kind != Model.ColumnKind.Date;

    /// <summary>Every additive atom of the measures, the helpers that make a mean additive, and a count per set of conditions.</summary>
    private static List<Atom> AtomsOf(string source, string time, IReadOnlyList<MeasureDefinition> measures)
    {
        var atoms = new List<Atom> { Atom.Of(new MeasureDefinition(source, time, AggregateFunction.Count, null, [])) };
        foreach (var m in measures)
        {
            // A mean is its sum over its count of values; a sum's and a mean's moments give their standard errors.
            atoms.Add(Atom.Of(m.Aggregate == AggregateFunction.Avg ? m with { Aggregate = AggregateFunction.Sum } : m));
            if (Atom.HasMoments(m))
            {
                atoms.Add(Atom.Of(m, AtomMoment.Count));
                atoms.Add(Atom.Of(m, AtomMoment.Squares));
            }
            atoms.Add(RowCount(source, time, m.Where));
        }
        return atoms.DistinctBy(a => a.Key).ToList();
    }

    /// <summary>The atom counting the rows where <paramref name="conditions"/> hold (in a canonical order).</summary>
    public static Atom RowCount(string source, string time, IEnumerable<Condition> conditions) =>
        Atom.Of(new MeasureDefinition(source, time, AggregateFunction.Count, null, conditions.OrderBy(c => c.ToString(), StringComparer.Ordinal).ToList()));

    private RollupTable Table(int index, StatementKind kind, string source, string time, MetricCatalog catalog, ISqlDialect dialect,
        IReadOnlyList<string> outputs, Func<StatementBuilder, Period, PlannedStatement> build)
    {
        var dimensions = Definition.Dimensions.Select(catalog.Dimension)
            .Where(d => d.Sources.Contains(source) || (ColumnPaths.HasDecision(source) && d.Sources.Contains("decisions"))).ToList();
        var name = $"rollup_{Definition.Name}_{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var zone = Definition.TimeZone;
        return new RollupTable(name, kind, source, time, dimensions, outputs, (period, rows) =>
        {
            var request = new MetricRequest([], dimensions.Select(d => d.Id).ToList(), TimeGrain.Day, [], period with { TimeZone = zone });
            return build(new StatementBuilder(dialect, new RequestScope(dialect, catalog, request)) { Rows = rows }, period);
        });
    }

    private static string HashOf(IReadOnlyList<RollupTable> tables, RollupDefinition rollup)
    {
        var day = new Period(new DateTime(2000, 1, 3), new DateTime(2000, 1, 4), rollup.TimeZone, "layout");
        var text = new StringBuilder(Format).Append('\n').Append(rollup.TimeZone).Append('\n');
        foreach (var table in tables)
        {
            var statement = table.Build(day);
            text.Append(table.Name).Append('\n').Append(string.Join(",", table.Dimensions.Select(d => d.Id))).Append('\n')
                .Append(string.Join("\u001f", table.Outputs)).Append('\n').Append(statement.Sql).Append('\n')
                .Append(string.Join("\u001f", statement.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}={Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)}"))).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
