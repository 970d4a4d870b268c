namespace ModScope.Web.Api;

/// <summary>
/// What the pages offer to pick and how they name dimension values: metrics, dimensions, markets, regions, queues, policies
/// and sites (named in the chosen language; a site by its one name), zones.
/// </summary>
internal sealed record CatalogAnswer(
    IReadOnlyList<MetricChoice> Metrics,
    IReadOnlyList<Choice> Dimensions,
    IReadOnlyList<string> DrillPath,
    IReadOnlyList<Choice> Markets,
    IReadOnlyList<Choice> Regions,
    IReadOnlyList<Choice> Queues,
    IReadOnlyList<Choice> Policies,
    IReadOnlyList<Choice> Sites,
    IReadOnlyList<string> TimeZones,
    IReadOnlyList<string> CoreMetrics,
    DateOnly DataEnd,
    string Access);

/// <summary>An id and its name.</summary>
internal sealed record Choice(string Id, string Name);

/// <summary>A metric as the pickers show it.</summary>
internal sealed record MetricChoice(string Id, string Name, string Description, string Format, string Direction, double? Target, bool Sampled, IReadOnlyList<string> Dimensions);
