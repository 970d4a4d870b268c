namespace ModScope.Synthetic;

/// <summary>
/// Day numbering (day 0 = the first day; negative days are the warm-up before it), weekly seasonality and
/// the known 11.11 shopping peak in SEA markets.
/// </summary>
internal sealed class SimCalendar(DateOnly start, int days)
{
    /// <summary>Monday..Sunday volume factors (mean 1, about ±15%).</summary>
    private static readonly double[] WeekdayFactors = [1.05, 1.08, 1.10, 1.06, 1.00, 0.88, 0.83];

    private readonly long _startTicks = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;

    public const double SeaPeakFactor = 1.8;

    public DateOnly Start { get; } = start;

    public int Days { get; } = days;

    /// <summary>The instant the data set ends (exclusive): things after it have not happened yet.</summary>
    public DateTime EndUtc => DayStartUtc(Days);

    public DateOnly DateOf(int day) => Start.AddDays(day);

    public DateTime DayStartUtc(int day) => new(_startTicks + (day * TimeSpan.TicksPerDay), DateTimeKind.Utc);

    public int DayOf(DateTime utc) => (int)Math.Floor((utc.Ticks - _startTicks) / (double)TimeSpan.TicksPerDay);

    public static double WeekdayFactor(DateOnly date) => WeekdayFactors[((int)date.DayOfWeek + 6) % 7];

    /// <summary>True on November 10-12 (the 11.11 sales), when SEA volume is ×1.8.</summary>
    public static bool IsSeaPeak(DateOnly date) => date.Month == 11 && date.Day is >= 10 and <= 12;

    public bool IsSeaPeak(int day) => IsSeaPeak(DateOf(day));
}
