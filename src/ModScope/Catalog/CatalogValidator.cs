using System.Text.RegularExpressions;
using ModScope.Common;
using ModScope.Model;
using ModScope.Sources;

namespace ModScope.Catalog;

/// <summary>
/// Checks a parsed catalogue against the event schema and itself: unknown sources, columns, dimensions
/// and metric references (with near matches), values outside an enumeration, duplicate ids, cycles
/// between derived metrics. Works out each metric's dimensions from the sources it reads.
/// </summary>
internal static partial class CatalogValidator
{
    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();

    public static IReadOnlyList<MetricDefinition> Validate(string file, IReadOnlyList<MetricDefinition> metrics,
        IReadOnlyList<DimensionDefinition> dimensions, List<CatalogIssue> issues, SourceMapping mapping)
    {
        void Problem(int line, string field, string message) => issues.Add(new CatalogIssue(file, line, field, message));

        foreach (var group in dimensions.GroupBy(d => d.Id).Where(g => g.Count() > 1))
        {
            Problem(group.Last().Line, $"dimensions.{group.Key}", $"duplicate dimension id '{group.Key}'");
        }
        foreach (var dimension in dimensions)
        {
            foreach (var source in dimension.Sources)
            {
                var (_, error) = ColumnPaths.Resolve(mapping, source, dimension.Column);
                if (error is not null)
                {
                    Problem(dimension.Line, $"dimensions.{dimension.Id}.column", error);
                }
            }
        }

        var ids = metrics.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var group in metrics.GroupBy(m => m.Id).Where(g => g.Count() > 1))
        {
            Problem(group.Last().Line, $"metrics.{group.Key}", $"duplicate metric id '{group.Key}'");
        }
        foreach (var metric in metrics)
        {
            var field = $"metrics.{metric.Id}";
            if (!SnakeCase().IsMatch(metric.Id))
            {
                Problem(metric.Line, field + ".id", $"'{metric.Id}' is not a snake_case id");
            }
            if (metric.Version < 1)
            {
                Problem(metric.Line, field + ".version", "must be a whole number from 1");
            }
            foreach (var (measure, at) in Measures(metric))
            {
                MeasureCheck.Check(mapping, measure, $"{field}.{at}", metric.Line, Problem);
            }
            foreach (var operand in new[] { metric.Numerator, metric.Denominator }.OfType<Operand>().Where(o => o.MetricId is not null))
            {
                if (!ids.Contains(operand.MetricId!))
                {
                    Problem(metric.Line, $"{field}.ratio", $"unknown metric '{operand.MetricId}'{NearMatch.Suggest(operand.MetricId!, ids)}");
                }
            }
            if (metric.Proportion is { } p)
            {
                MeasureCheck.CheckProportion(mapping, p, field + ".proportion", metric.Line, Problem);
            }
            if (metric.Agreement is { } a)
            {
                MeasureCheck.CheckAgreement(mapping, a, field + ".agreement", metric.Line, Problem);
            }
        }
        foreach (var cycle in Cycles(metrics))
        {
            var first = metrics.First(m => m.Id == cycle[0]);
            Problem(first.Line, $"metrics.{first.Id}.ratio", $"cycle between derived metrics: {string.Join(" -> ", cycle)} -> {cycle[0]}");
        }
        if (issues.Count > 0)
        {
            return metrics;
        }
        var byId = metrics.ToDictionary(m => m.Id);
        return metrics.Select(m => m with { Dimensions = DimensionsOf(m, byId, dimensions) }).ToList();
    }

    /// <summary>Every inline measure of a metric with where it sits.</summary>
    public static IEnumerable<(MeasureDefinition Measure, string At)> Measures(MetricDefinition metric)
    {
        if (metric.Measure is { } m)
        {
            yield return (m, "measure");
        }
        if (metric.Numerator?.Measure is { } n)
        {
            yield return (n, "ratio.numerator");
        }
        if (metric.Denominator?.Measure is { } d)
        {
            yield return (d, "ratio.denominator");
        }
    }

    /// <summary>The sources a metric reads, following references to other metrics.</summary>
    public static IEnumerable<string> Sources(MetricDefinition metric, IReadOnlyDictionary<string, MetricDefinition> byId)
    {
        foreach (var (measure, _) in Measures(metric))
        {
            yield return measure.Source;
        }
        if (metric.Proportion is { } p)
        {
            yield return p.Source;
        }
        if (metric.Agreement is { } a)
        {
            yield return a.Source;
        }
        foreach (var operand in new[] { metric.Numerator, metric.Denominator }.OfType<Operand>().Where(o => o.MetricId is not null))
        {
            foreach (var source in Sources(byId[operand.MetricId!], byId))
            {
                yield return source;
            }
        }
    }

    private static List<string> DimensionsOf(MetricDefinition metric, Dictionary<string, MetricDefinition> byId, IReadOnlyList<DimensionDefinition> dimensions)
    {
        // Audits and appeals carry their decision's dimensions, so they slice like decisions.
        var anchors = Sources(metric, byId).Select(s => ColumnPaths.HasDecision(s) ? "decisions" : s).Distinct().ToList();
        return dimensions.Where(d => anchors.All(d.Sources.Contains)).Select(d => d.Id).ToList();
    }

    private static List<List<string>> Cycles(IReadOnlyList<MetricDefinition> metrics)
    {
        var edges = metrics.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => new[] { g.First().Numerator, g.First().Denominator }
            .OfType<Operand>().Select(o => o.MetricId).OfType<string>().ToList());
        var cycles = new List<List<string>>();
        var done = new HashSet<string>();
        foreach (var start in edges.Keys)
        {
            var path = new List<string>();
            Visit(start);

            void Visit(string id)
            {
                var at = path.IndexOf(id);
                if (at >= 0)
                {
                    var cycle = path.Skip(at).ToList();
                    if (!cycles.Any(c => c.Count == cycle.Count && c.All(cycle.Contains)))
                    {
                        cycles.Add(cycle);
                    }
                    return;
                }
                if (done.Contains(id) || !edges.TryGetValue(id, out var next))
                {
                    return;
                }
                path.Add(id);
                foreach (var n in next)
                {
                    Visit(n);
                }
                path.RemoveAt(path.Count - 1);
                done.Add(id);
            }
        }
        return cycles;
    }
}
