namespace ModScope.Web.Api;

/// <summary>The overview: the period, what it is compared with, the tiles, and the open alerts.</summary>
internal sealed record OverviewAnswer(PeriodView Period, PeriodView ComparisonPeriod, IReadOnlyList<Tile> Tiles, int OpenAlerts);
