namespace ModScope.Web.Api;

/// <summary>One overview tile: the metric this period against the previous one, its target and interval, a 12-week sparkline.</summary>
internal sealed record Tile(
    string Metric,
    string Name,
    string Description,
    QueryRow Current,
    double? Target,
    string? TargetFormatted,
    string? IntervalFormatted,
    IReadOnlyList<SparkPoint> Sparkline,
    int OpenAlerts);
