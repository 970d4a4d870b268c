namespace ModScope.Web.Api;

/// <summary>One overview tile: the metric this period against the previous one, its target and standing, its interval, a 12-week sparkline, its open alerts in the page's scope.</summary>
internal sealed record Tile(
    string Metric,
    string Name,
    string Description,
    QueryRow Current,
    double? Target,
    string? TargetFormatted,
    string? IntervalFormatted,
    IReadOnlyList<SparkPoint> Sparkline,
    int OpenAlerts)
{
    /// <summary>met, missed or at-risk against <see cref="Target"/> (see <see cref="Api.TargetStatus"/>); null without a target.</summary>
    public string? TargetStatus { get; init; }
}
