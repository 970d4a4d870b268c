namespace ModScope.Web.Api;

/// <summary>
/// The overview: the period, what it is compared with, the tiles, the open alerts within the page's period and place,
/// the data's last day (the newest decision, <see cref="DataThrough"/> formatted in <see cref="DataThroughText"/>) and
/// the last day its decisions are complete (<see cref="DataCompleteThrough"/>, the watermark data health and the monitor
/// use: the decisions' freshness threshold before the newest day), and
/// what changed: the largest significant movements with their segments (<see cref="WhatChanged"/>; none: an empty list).
/// </summary>
internal sealed record OverviewAnswer(PeriodView Period, PeriodView ComparisonPeriod, IReadOnlyList<Tile> Tiles, int OpenAlerts)
{
    public DateOnly? DataThrough { get; init; }
    public string? DataThroughText { get; init; }
    public DateOnly? DataCompleteThrough { get; init; }
    public string? DataCompleteThroughText { get; init; }
    public IReadOnlyList<ChangeView> Changes { get; init; } = [];
}
