namespace ModScope.Monitor;

/// <summary>The days one monitor run judges.</summary>
/// <param name="Start">The first day judged.</param>
/// <param name="End">The last day judged: the as-of day, or the decisions' last complete day when that is earlier.</param>
public sealed record MonitorWindow(DateOnly Start, DateOnly End)
{
    /// <summary>
    /// The <paramref name="days"/> days up to <paramref name="asOf"/>, ending no later than the day the decisions are
    /// complete through (<paramref name="completeThrough"/>, null when there are none). Data arrive late (the watermark
    /// trails the newest event by the freshness lag), so a window of fewer days than the lag would hold no complete day:
    /// it judges the last complete day instead, so the daily run (<c>--backfill 1d</c>) judges the day that became complete.
    /// </summary>
    public static MonitorWindow For(DateOnly asOf, int days, DateOnly? completeThrough)
    {
        var end = completeThrough is { } complete && complete < asOf ? complete : asOf;
        var start = asOf.AddDays(1 - Math.Max(1, days));
        return new MonitorWindow(start <= end ? start : end, end);
    }
}
