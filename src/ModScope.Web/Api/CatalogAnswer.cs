namespace ModScope.Web.Api;

/// <summary>What the pages offer to pick: metrics, dimensions, markets and regions (named in the chosen language), zones.</summary>
internal sealed record CatalogAnswer(
    IReadOnlyList<MetricChoice> Metrics,
    IReadOnlyList<Choice> Dimensions,
    IReadOnlyList<string> DrillPath,
    IReadOnlyList<Choice> Markets,
    IReadOnlyList<Choice> Regions,
    IReadOnlyList<string> TimeZones,
    IReadOnlyList<string> CoreMetrics,
    DateOnly DataEnd,
    string Access);

/// <summary>An id and its name.</summary>
internal sealed record Choice(string Id, string Name);

/// <summary>A metric as the pickers show it.</summary>
internal sealed record MetricChoice(string Id, string Name, string Description, string Format, string Direction, double? Target, bool Sampled, IReadOnlyList<string> Dimensions);
