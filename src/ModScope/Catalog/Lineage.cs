namespace ModScope.Catalog;

/// <summary>The event fields a metric reads (its lineage), as <c>table.column</c>, following derived metrics.</summary>
public static class Lineage
{
    public static IReadOnlyList<string> Of(MetricDefinition metric, MetricCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(catalog);
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        Collect(metric, catalog, fields);
        return fields.ToList();
    }

    private static void Collect(MetricDefinition metric, MetricCatalog catalog, SortedSet<string> fields)
    {
        foreach (var (measure, _) in CatalogValidator.Measures(metric))
        {
            Add(fields, measure.Source, [measure.Time, measure.Opened, measure.Closed]);
            Add(fields, measure.Source, measure.Value?.Columns ?? []);
            Add(fields, measure.Source, measure.Where.SelectMany(Columns));
        }
        if (metric.Proportion is { } p)
        {
            Add(fields, p.Source, [p.Time, "decision_id", "audited_at", "stratum", "stratum_population", "stratum_sample_size"]);
            Add(fields, p.Source, p.Population.Concat(p.Success).SelectMany(Columns));
        }
        if (metric.Agreement is { } a)
        {
            Add(fields, a.Source, [a.Time, a.Rating, "decision_id", "audited_at"]);
        }
        foreach (var id in new[] { metric.Numerator?.MetricId, metric.Denominator?.MetricId }.OfType<string>())
        {
            Collect(catalog.Metric(id), catalog, fields);
        }
    }

    private static IEnumerable<string> Columns(Condition condition) =>
        condition.Subject.Columns.Concat(condition.Bound is null ? [] : [condition.Bound]);

    private static void Add(SortedSet<string> fields, string source, IEnumerable<string?> paths)
    {
        foreach (var path in paths.OfType<string>())
        {
            var parts = path.Split('.');
            var (table, rest) = parts[0] == "decision" && ColumnPaths.HasDecision(source) ? ("decisions", parts[1..]) : (source, parts);
            fields.Add($"{table}.{rest[0]}");
            if (rest.Length > 1)
            {
                var reference = Model.EventSchema.Find(table)?.Find(rest[0])?.References?.Split('.')[0];
                fields.Add($"{reference}.{rest[1]}");
            }
        }
    }
}
