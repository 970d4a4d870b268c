using ModScope.Catalog;
using ModScope.Monitor.Calendar;

namespace ModScope.Monitor;

/// <summary>
/// Which calendar event a segment's day falls in. A segment is touched by an event when the markets the event is
/// active in hold at least <see cref="MinShare"/> of the segment's decisions: a market segment by its own market's
/// events, the total or a SEA site by 11.11 (SEA is half the volume), but not by one small market's holiday, which
/// would blunt the whole company's monitor for a month.
/// </summary>
public static class SegmentEvents
{
    public const double MinShare = 0.2;

    /// <summary>A function of (day, the segment's decisions by market as shares) → the event's name, or null.</summary>
    public static Func<DateOnly, IReadOnlyDictionary<string, double>, Bilingual?> For(EventCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return (day, shares) => Touching(calendar, day, shares) is [var first, ..] ? first.Name : null;
    }

    /// <summary>The events touching a segment on <paramref name="day"/> (given its decisions by market as shares), largest share first.</summary>
    public static IReadOnlyList<CalendarEvent> Touching(EventCalendar calendar, DateOnly day, IReadOnlyDictionary<string, double> shares)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(shares);
        var touched = new Dictionary<string, (CalendarEvent Event, double Share)>(StringComparer.Ordinal);
        foreach (var (market, share) in shares)
        {
            foreach (var active in calendar.ActiveOn(day, market))
            {
                var (_, sum) = touched.GetValueOrDefault(active.Id, (active, 0.0));
                touched[active.Id] = (active, sum + share);
            }
        }
        return touched.Values.Where(t => t.Share >= MinShare).OrderByDescending(t => t.Share).Select(t => t.Event).ToList();
    }
}
