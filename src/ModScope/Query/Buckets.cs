namespace ModScope.Query;

/// <summary>The local start times of the grain buckets that meet a period (in C#, for snapshot metrics).</summary>
public static class Buckets
{
    public static DateTime Start(DateTime local, TimeGrain grain) => grain switch
    {
        TimeGrain.Hour => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified),
        TimeGrain.Day => local.Date,
        TimeGrain.Week => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
        TimeGrain.Month => new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
        TimeGrain.Quarter => new DateTime(local.Year, (local.Month - 1) / 3 * 3 + 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
        _ => local,
    };

    public static DateTime Next(DateTime start, TimeGrain grain) => grain switch
    {
        TimeGrain.Hour => start.AddHours(1),
        TimeGrain.Day => start.AddDays(1),
        TimeGrain.Week => start.AddDays(7),
        TimeGrain.Month => start.AddMonths(1),
        TimeGrain.Quarter => start.AddMonths(3),
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "No next bucket without a grain."),
    };

    /// <summary>(bucket start, snapshot instant) pairs in local time; without a grain, the period's end.</summary>
    public static IReadOnlyList<(DateTime Start, DateTime End)> Within(Period period, TimeGrain grain)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (grain == TimeGrain.None)
        {
            return [(period.Start, period.End)];
        }
        var list = new List<(DateTime, DateTime)>();
        for (var start = Start(period.Start, grain); start < period.End; start = Next(start, grain))
        {
            var end = Next(start, grain);
            list.Add((start, end < period.End ? end : period.End));
        }
        return list;
    }
}
