namespace ModScope.Web.Api;

/// <summary>
/// The overview: the period, what it is compared with, the tiles, the open alerts within the page's period and place,
/// and the data's last day (the newest decision, <see cref="DataThrough"/> formatted in <see cref="DataThroughText"/>).
/// </summary>
internal sealed record OverviewAnswer(PeriodView Period, PeriodView ComparisonPeriod, IReadOnlyList<Tile> Tiles, int OpenAlerts)
{
    public DateOnly? DataThrough { get; init; }
    public string? DataThroughText { get; init; }
}
