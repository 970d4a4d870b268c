using ModScope.Model;
using ModScope.Monitor.Calendar;

namespace ModScope.Synthetic;

/// <summary>
/// Day numbering (day 0 = the first day; negative days are the warm-up before it), weekly seasonality and the calendar's
/// sized peaks: every event of the shipped <c>catalog/events.yaml</c> with an <c>effect.uplift</c> (today 11.11 in SEA,
/// ×1.8) multiplies its markets' volume by that factor on its sized peak's days (<see cref="CalendarEvent.InUplift"/>:
/// November 10–12), the same days and factor the forecast applies, by construction.
/// </summary>
internal sealed class SimCalendar(DateOnly start, int days)
{
    /// <summary>Monday..Sunday volume factors (mean 1, about ±15%).</summary>
    private static readonly double[] WeekdayFactors = [1.05, 1.08, 1.10, 1.06, 1.00, 0.88, 0.83];

    private readonly long _startTicks = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;

    /// <summary>The shipped calendar's events with an uplift (the same file the forecast reads).</summary>
    private static readonly Lazy<IReadOnlyList<(CalendarEvent Event, IReadOnlySet<string> Markets)>> Sized = new(() =>
    {
        var calendar = EventCalendar.LoadDefault(ReferenceData.Shipped.Markets);
        return calendar.Events.Where(e => e.Effect.Uplift is > 0)
            .Select(e => (e, (IReadOnlySet<string>)calendar.MarketsOf(e).ToHashSet(StringComparer.Ordinal))).ToArray();
    });

    public DateOnly Start { get; } = start;

    public int Days { get; } = days;

    /// <summary>The instant the data set ends (exclusive): things after it have not happened yet.</summary>
    public DateTime EndUtc => DayStartUtc(Days);

    public DateOnly DateOf(int day) => Start.AddDays(day);

    public DateTime DayStartUtc(int day) => new(_startTicks + (day * TimeSpan.TicksPerDay), DateTimeKind.Utc);

    public int DayOf(DateTime utc) => (int)Math.Floor((utc.Ticks - _startTicks) / (double)TimeSpan.TicksPerDay);

    public static double WeekdayFactor(DateOnly date) => WeekdayFactors[((int)date.DayOfWeek + 6) % 7];

    /// <summary>The product of the uplifts of the sized events active on <paramref name="date"/> in <paramref name="market"/>; 1 on usual days.</summary>
    public static double PeakFactor(DateOnly date, string market) =>
        Sized.Value.Where(s => s.Markets.Contains(market) && InPeak(s.Event, date))
            .Aggregate(1.0, (factor, s) => factor * s.Event.Effect.Uplift!.Value);

    /// <summary>True on a sized event's peak days in any market (11.11's November 10–12).</summary>
    public static bool IsPeak(DateOnly date) => Sized.Value.Any(s => InPeak(s.Event, date));

    /// <summary>
    /// The days the generator raises volume: the calendar's sized peak days (<see cref="CalendarEvent.InUplift"/>, the
    /// one definition the forecast reads too): for 11.11 the effect window less its last lag day
    /// (<c>uplift_lag_days: 1</c>), which the monitor's window keeps for the work that spills over (the last peak day's
    /// items decided the next day, their turnaround). With the whole window raised, that spill-over fell after it and the
    /// monitor's evaluation lost 18 points of precision (74% against 92%).
    /// </summary>
    private static bool InPeak(CalendarEvent e, DateOnly date) => e.InUplift(date);

    public bool IsPeak(int day) => IsPeak(DateOf(day));
}
