using ModScope.Monitor;
using ModScope.Monitor.Calendar;

namespace ModScope.Reports.Story;

/// <summary>
/// The known event a movement coincides with, by the monitor's own rule (<see cref="SegmentEvents"/>): an event of the
/// calendar whose effect window (lead and lag days included) holds a day of the report's period, in markets that make at
/// least a fifth of the segment's decisions. A market, queue or site segment is its own market's; the total is the
/// scope's mix of decisions by market (a market report: that market). A policy segment spans markets in unknown shares,
/// so it is never attributed.
/// </summary>
public static class MovementEvents
{
    public static CalendarEvent? Of(ReportData data, Movement movement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(movement);
        var shares = Shares(data, movement);
        if (shares.Count == 0)
        {
            return null;
        }
        var end = DateOnly.FromDateTime(data.Scope.Period.End);
        for (var day = DateOnly.FromDateTime(data.Scope.Period.Start); day < end; day = day.AddDays(1))
        {
            if (SegmentEvents.Touching(data.Calendar, day, shares) is [var first, ..])
            {
                return first;
            }
        }
        return null;
    }

    /// <summary>The segment's decisions by market as shares (only markets of the reference data: the calendar knows no others).</summary>
    private static Dictionary<string, double> Shares(ReportData data, Movement movement)
    {
        var known = data.Reference.Markets.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var value = movement.Dimension is { } d ? movement.Row.Dimensions.GetValueOrDefault(d) : null;
        var market = movement.Dimension switch
        {
            "market" => value,
            "queue" => data.Reference.Queues.FirstOrDefault(q => q.QueueId == value)?.Market,
            "site" => data.Reference.Sites.FirstOrDefault(s => s.SiteId == value)?.Country,
            null => data.Scope.Market,
            _ => null,
        };
        if (market is not null)
        {
            return known.Contains(market) ? new() { [market] = 1 } : [];
        }
        if (movement.Dimension is not null)
        {
            return [];
        }
        // The total: the scope's decisions by market (the by-market slice of the volume metric).
        var volume = data.Rows(ReportSets.By("market"))
            .Where(r => r.Metric == data.Catalog.Roles.Volume && r.Value is > 0 && r.Dimensions.GetValueOrDefault("market") is { } m && known.Contains(m))
            .ToDictionary(r => r.Dimensions["market"]!, r => r.Value!.Value, StringComparer.Ordinal);
        var sum = volume.Values.Sum();
        return sum > 0 ? volume.ToDictionary(p => p.Key, p => p.Value / sum, StringComparer.Ordinal) : [];
    }
}
