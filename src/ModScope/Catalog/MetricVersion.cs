namespace ModScope.Catalog;

/// <summary>One entry in a metric's version history.</summary>
public sealed record MetricVersion(int Version, string Date, string Change);
