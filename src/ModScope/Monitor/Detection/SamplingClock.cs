namespace ModScope.Monitor.Detection;

/// <summary>
/// Maps (possibly irregular) timestamps to whole sampling intervals ("slots"). The interval is the median gap of
/// the first 64 gaps, so it never depends on values and a longer series keeps the slots of its prefix.
/// </summary>
internal sealed class SamplingClock
{
    private const int GapsSampled = 64;

    private SamplingClock(TimeSpan interval, long[] slots)
    {
        Interval = interval;
        Slots = slots;
    }

    public TimeSpan Interval { get; }

    /// <summary>Slot of each point, in time order.</summary>
    public long[] Slots { get; }

    /// <summary>Slots in a day or a week when the interval divides them (within 2%), for calendar seasons.</summary>
    public int? DaySlots => CalendarSlots(TimeSpan.FromDays(1));

    /// <inheritdoc cref="DaySlots"/>
    public int? WeekSlots => CalendarSlots(TimeSpan.FromDays(7));

    public static SamplingClock From(IReadOnlyList<SeriesPoint> points, int[] timeOrder)
    {
        var gaps = new List<long>(GapsSampled);
        for (var k = 1; k < timeOrder.Length && gaps.Count < GapsSampled; k++)
        {
            var gap = points[timeOrder[k]].Time.Ticks - points[timeOrder[k - 1]].Time.Ticks;
            if (gap > 0)
            {
                gaps.Add(gap);
            }
        }
        gaps.Sort();
        var interval = gaps.Count == 0 ? 1L : gaps[gaps.Count / 2];
        var slots = new long[timeOrder.Length];
        if (timeOrder.Length > 0)
        {
            var origin = points[timeOrder[0]].Time.Ticks;
            for (var k = 0; k < timeOrder.Length; k++)
            {
                slots[k] = (long)Math.Round((points[timeOrder[k]].Time.Ticks - origin) / (double)interval);
            }
        }
        return new SamplingClock(TimeSpan.FromTicks(interval), slots);
    }

    /// <summary>Index (before <paramref name="before"/>) of the point in <paramref name="slot"/>, or −1.</summary>
    public int Find(long slot, int before, int hint)
    {
        if (hint >= 0 && hint < before && Slots[hint] == slot)
        {
            return hint;
        }
        var at = Array.BinarySearch(Slots, 0, before, slot);
        return at >= 0 ? at : -1;
    }

    private int? CalendarSlots(TimeSpan span)
    {
        if (Interval >= span / 2)
        {
            return null;
        }
        var exact = span.Ticks / (double)Interval.Ticks;
        var rounded = Math.Round(exact);
        return Math.Abs(rounded - exact) / exact <= 0.02 && rounded >= 2 ? (int)rounded : null;
    }
}
