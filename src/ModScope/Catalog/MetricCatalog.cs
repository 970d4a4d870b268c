using ModScope.Common;

namespace ModScope.Catalog;

/// <summary>A loaded, validated catalogue: metrics and dimensions by id, in file order, and the roles they play.</summary>
public sealed class MetricCatalog
{
    public MetricCatalog(string file, int version, string owner, IReadOnlyList<MetricDefinition> metrics, IReadOnlyList<DimensionDefinition> dimensions,
        CatalogRoles roles)
    {
        Roles = roles;
        File = file;
        Version = version;
        Owner = owner;
        Metrics = metrics;
        Dimensions = dimensions;
    }

    public string File { get; }
    public int Version { get; }
    public string Owner { get; }
    public IReadOnlyList<MetricDefinition> Metrics { get; }
    public IReadOnlyList<DimensionDefinition> Dimensions { get; }

    /// <summary>
    /// The currency every cost is reported in (the catalogue's <c>reporting_currency</c>, default USD): a site's costs are
    /// converted into it at the rate of the cost's day (<c>fx_rates*.csv</c>).
    /// </summary>
    public string ReportingCurrency { get; init; } = Catalog.ReportingCurrency.Default;

    /// <summary>
    /// The pre-aggregations the store keeps and the query door may answer from (the catalogue's <c>rollups</c>), in file
    /// order; empty when none. Names are unique (each rollup's tables are <c>rollup_NAME_N</c>).
    /// </summary>
    public IReadOnlyList<RollupDefinition> Rollups { get; init; } = [];

    /// <summary>
    /// The stored columns that identify people (personal data, pseudonymised for callers who may not see people): the event
    /// schema's (<see cref="Model.EventSchema.PersonColumns"/>) and the extra columns its source mapping marks <c>person: true</c>.
    /// </summary>
    public IReadOnlySet<string> PersonColumns { get; init; } = Model.EventSchema.PersonColumns;

    /// <summary>The ids of the dimensions on a person's column (<see cref="PersonColumns"/>).</summary>
    public IReadOnlySet<string> PeopleDimensions => Dimensions.Where(d => PersonColumns.Contains(d.Column)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The metrics playing each role library logic asks for (the volume, the overview, ...).</summary>
    public CatalogRoles Roles { get; }

    /// <summary>The same catalogue with each metric's target replaced (a segment's targets: <c>Query.SegmentTargets</c>).</summary>
    public MetricCatalog WithTargets(Func<MetricDefinition, double?> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new MetricCatalog(File, Version, Owner, Metrics.Select(m => m with { Target = target(m) }).ToList(), Dimensions, Roles)
        {
            ReportingCurrency = ReportingCurrency,
            Rollups = Rollups,
            PersonColumns = PersonColumns,
        };
    }

    /// <summary>The metric with this id, or an exception naming near matches.</summary>
    public MetricDefinition Metric(string id) =>
        Metrics.FirstOrDefault(m => m.Id == id)
        ?? throw new NotFoundException("metric", id, $"Unknown metric '{id}'{NearMatch.Suggest(id, Metrics.Select(m => m.Id))}");

    /// <summary>The dimension with this id, or an exception naming near matches.</summary>
    public DimensionDefinition Dimension(string id) =>
        Dimensions.FirstOrDefault(d => d.Id == id)
        ?? throw new NotFoundException("dimension", id, $"Unknown dimension '{id}'{NearMatch.Suggest(id, Dimensions.Select(d => d.Id))}");
}
