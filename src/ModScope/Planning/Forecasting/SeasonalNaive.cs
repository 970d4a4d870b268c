namespace ModScope.Planning.Forecasting;

/// <summary>
/// The seasonal-naive benchmark: each day ahead takes the value of the same weekday in the last observed week,
/// ŷ(T+h) = y(T + h − 7·⌈h/7⌉) (Hyndman and Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., 5.2).
/// </summary>
public static class SeasonalNaive
{
    public const int Season = 7;

    /// <summary>The benchmark forecast <paramref name="ahead"/> days after the last day of <paramref name="history"/>, or null when that weekday is missing.</summary>
    public static double? Forecast(IReadOnlyDictionary<DateOnly, double> history, DateOnly last, int ahead)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(ahead, 1);
        var seasons = (ahead + Season - 1) / Season;
        return history.TryGetValue(last.AddDays(ahead - (Season * seasons)), out var value) ? value : null;
    }

    /// <summary>
    /// The in-sample mean absolute seasonal difference, (1/(n−m)) Σ |y(t) − y(t−m)|: MASE's scale (Hyndman and Koehler
    /// 2006), over the pairs present. Null when no pair is present.
    /// </summary>
    public static double? Scale(IReadOnlyList<DailyPoint> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var byDay = history.ToDictionary(p => p.Day, p => p.Value);
        var differences = history.Where(p => byDay.ContainsKey(p.Day.AddDays(-Season)))
            .Select(p => Math.Abs(p.Value - byDay[p.Day.AddDays(-Season)])).ToArray();
        return differences.Length == 0 ? null : differences.Average();
    }
}
