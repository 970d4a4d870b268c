using ModScope.Catalog;
using ModScope.Common;
using ModScope.Model;

namespace ModScope.Query;

/// <summary>
/// Plans a request: checks it against the catalogue, collects the aggregates its metrics need (shared
/// where metrics share a measure), and groups them into as few statements as possible: one per source
/// and dating column for the aggregates and for the QA strata, one per set of quantiles of the same values and per agreement metric.
/// With <paramref name="reference"/>, a filter value that names no known market, queue, policy or site is refused.
/// With <paramref name="rollups"/> (the store's state of each rollup, by name), a request some of the catalogue's rollups
/// cover reads the smallest of them instead of the raw rows, statement by statement (<see cref="Rollups.RollupReader"/>:
/// the one place that choice is made).
/// </summary>
public sealed class QueryPlanner(MetricCatalog catalog, ISqlDialect dialect, ReferenceData? reference = null, Func<string, RollupState?>? rollups = null)
{
    public QueryPlan Plan(MetricRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var metrics = Check(request);
        var scope = new RequestScope(dialect, catalog, request);
        var all = Closure(metrics).ToList();

        var atoms = all.SelectMany(Atoms).DistinctBy(a => a.Key).ToList();
        if (request.LevelErrors)
        {
            atoms.AddRange(atoms.Where(a => Atom.HasMoments(a.Measure)).ToList()
                .SelectMany(a => new[] { Atom.Of(a.Measure, AtomMoment.Count), Atom.Of(a.Measure, AtomMoment.Squares) }));
        }
        var statements = new List<PlannedStatement>();
        var builder = new StatementBuilder(dialect, scope);
        var rollup = Rollups.RollupReader.For(catalog, dialect, rollups ?? (_ => null), scope, out var whyRaw);
        var sketched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in atoms.Where(a => a.Measure.Aggregate != AggregateFunction.OpenAtEnd).GroupBy(a => (a.Measure.Source, a.Measure.Time)))
        {
            if (rollup is not null && FromRollup(rollup, group.Key.Source, group.Key.Time!, group.ToList()) is { } read)
            {
                statements.AddRange(read);
                sketched.UnionWith(group.Where(a => a.Measure.Quantile is not null).Select(a => a.ValuesKey));
                continue;
            }
            statements.Add(builder.Aggregates(group.Key.Source, group.Key.Time!, group.ToList()));
        }
        foreach (var group in atoms.Where(a => a.Measure.Aggregate == AggregateFunction.OpenAtEnd).GroupBy(a => (a.Measure.Source, a.Measure.Opened, a.Measure.Closed)))
        {
            statements.Add(rollup?.OpenAtEnd(group.Key.Source, group.Key.Opened!, group.ToList())
                ?? builder.OpenAtEnd(group.Key.Source, group.Key.Opened!, group.Key.Closed!, group.ToList()));
        }
        if (request.QuantileIntervals)
        {
            // Quantiles of the same values (source, dating, value, conditions) share one ranking.
            // A sketch's quantiles take their intervals from the sketch (the evaluator); the rest rank raw values.
            foreach (var group in atoms.Where(a => a.Measure.Quantile is not null && !sketched.Contains(a.ValuesKey)).GroupBy(a => a.ValuesKey))
            {
                rollup?.Raw("quantile intervals rank raw values");
                statements.Add(builder.Ranks(group.ToList(), request.Confidence));
            }
        }
        foreach (var group in all.Where(m => m.Proportion is not null).GroupBy(m => (m.Proportion!.Source, m.Proportion.Time)))
        {
            var proportions = group.Select(m => (m.Id, m.Proportion!)).ToList();
            statements.Add(rollup?.Strata(proportions) ?? builder.Strata(proportions));
        }
        foreach (var metric in all.Where(m => m.Agreement is not null))
        {
            statements.Add(rollup?.Pairs(metric.Id, metric.Agreement!) ?? builder.Pairs(metric.Id, metric.Agreement!));
        }
        return new QueryPlan(request, statements, all, rollup is null ? $"raw: {whyRaw}" : rollup.Answered);
    }

    /// <summary>
    /// The statements reading one source's aggregates from the rollup: the additive atoms from its table and each set
    /// of quantiles of the same values from its sketch; null (all raw, exact) unless every part is in the rollup.
    /// </summary>
    private static List<PlannedStatement>? FromRollup(Rollups.RollupReader rollup, string source, string time, List<Atom> atoms)
    {
        var additive = atoms.Where(a => a.Measure.Quantile is null).ToList();
        var read = new List<PlannedStatement>();
        if (additive.Count > 0)
        {
            if (rollup.Aggregates(source, time, additive, atoms) is not { } aggregates)
            {
                return null;
            }
            read.Add(aggregates);
        }
        foreach (var quantiles in atoms.Where(a => a.Measure.Quantile is not null).GroupBy(a => a.ValuesKey))
        {
            if (rollup.Sketch(quantiles.ToList()) is not { } sketch)
            {
                return null;
            }
            read.Add(sketch);
        }
        if (read.Any(s => s.Kind == StatementKind.Sketch))
        {
            rollup.ReadsSketches();
        }
        return read;
    }

    /// <summary>The atoms (inline measures) a metric reads directly.</summary>
    internal static IEnumerable<Atom> Atoms(MetricDefinition metric) =>
        CatalogValidator.Measures(metric).Select(m => Atom.Of(m.Measure));

    /// <summary>The requested metrics and every metric they are derived from.</summary>
    private IEnumerable<MetricDefinition> Closure(IEnumerable<MetricDefinition> metrics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<MetricDefinition>(metrics.Reverse());
        while (stack.Count > 0)
        {
            var metric = stack.Pop();
            if (!seen.Add(metric.Id))
            {
                continue;
            }
            yield return metric;
            foreach (var id in new[] { metric.Numerator?.MetricId, metric.Denominator?.MetricId }.OfType<string>())
            {
                stack.Push(catalog.Metric(id));
            }
        }
    }

    private List<MetricDefinition> Check(MetricRequest request)
    {
        if (request.Metrics.Count == 0)
        {
            throw new MetricRequestException("Ask for at least one metric.") { Reason = new(ProblemKind.Missing, Subject: "metric"), Parameter = "metric" };
        }
        var metrics = new List<MetricDefinition>();
        foreach (var id in request.Metrics)
        {
            var metric = catalog.Metrics.FirstOrDefault(m => m.Id == id)
                ?? throw new MetricRequestException($"Unknown metric '{id}'{NearMatch.SuggestOrStop(id, catalog.Metrics.Select(m => m.Id))}") { Reason = ProblemReason.Unknown("metric", id).Near(catalog.Metrics.Select(m => m.Id)), Parameter = "metric" };
            metrics.Add(metric);
        }
        foreach (var (id, parameter) in request.Dimensions.Select(d => (d, "by")).Concat(request.Filters.Select(f => (f.Dimension, "filter"))))
        {
            if (catalog.Dimensions.All(d => d.Id != id))
            {
                throw new MetricRequestException($"Unknown dimension '{id}'{NearMatch.SuggestOrStop(id, catalog.Dimensions.Select(d => d.Id))}") { Reason = ProblemReason.Unknown("dimension", id, catalog.Dimensions.Select(d => d.Id)), Parameter = parameter };
            }
            foreach (var metric in metrics.Where(m => !m.Dimensions.Contains(id)))
            {
                throw new MetricRequestException(
                    $"Metric '{metric.Id}' cannot be sliced by '{id}'; it can be sliced by: {string.Join(", ", metric.Dimensions)}.") { Reason = new(ProblemKind.NotAllowed, id, "dimension", metric.Dimensions), Parameter = parameter };
            }
        }
        if (reference is not null)
        {
            ReferenceFilterCheck.Check(request.Filters, catalog, reference);
        }
        if (request.Dimensions.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key is { } twice)
        {
            throw new MetricRequestException($"Dimension '{twice}' is named twice.") { Reason = new(ProblemKind.NotAllowed, twice, "repeated dimension"), Parameter = "by" };
        }
        if (request.Period.End <= request.Period.Start)
        {
            throw new MetricRequestException($"The period '{request.Period.Label}' is empty.") { Parameter = "period" };
        }
        return metrics;
    }
}
