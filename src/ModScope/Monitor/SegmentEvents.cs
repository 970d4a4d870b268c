using ModScope.Model;
using ModScope.Monitor.Calendar;

namespace ModScope.Monitor;

/// <summary>
/// Which calendar event a segment's day falls in: a market segment takes its market's events, a region segment
/// the events of any of its markets; other segments (the total, a site, a policy) take none, so one market's
/// holiday does not blunt the whole company's monitor for a month.
/// </summary>
public static class SegmentEvents
{
    public static Func<DateOnly, IReadOnlyDictionary<string, string?>, string?> For(EventCalendar calendar, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(reference);
        var regions = reference.Markets.GroupBy(m => m.Region).ToDictionary(g => g.Key, g => g.Select(m => m.Code).ToList(), StringComparer.Ordinal);
        return (day, segment) =>
        {
            IEnumerable<string> markets = segment.TryGetValue("market", out var market) && market is not null ? [market]
                : segment.TryGetValue("region", out var region) && region is not null ? regions.GetValueOrDefault(region) ?? []
                : [];
            return markets.SelectMany(m => calendar.ActiveOn(day, m)).Select(e => e.Name.En).FirstOrDefault();
        };
    }
}
