using ModScope.Catalog;
using ModScope.Monitor.Detection;
using ModScope.Monitor.Findings;

namespace ModScope.Monitor.Scan;

/// <summary>
/// A metric alert as structure (<c>metric.rose</c> / <c>metric.fell</c>): the metric, the segment, the peak day's value,
/// expected value and normal band, the days, whether it is a sustained shift, and the calendar event it fell in.
/// </summary>
internal static class MetricFacts
{
    public static FindingFacts Of(string metric, string segment, AnomalyEpisode episode, PointVerdict peak, Bilingual? calendarEvent)
    {
        var (first, last) = (DateOnly.FromDateTime(episode.Start), DateOnly.FromDateTime(episode.End));
        var facts = new Dictionary<string, FindingFact>(StringComparer.Ordinal)
        {
            ["metric"] = new(FactKind.Metric, Text: metric),
            ["segment"] = new(FactKind.Segment, Text: segment),
            ["value"] = new(FactKind.Value, peak.Value, metric),
            ["expected"] = new(FactKind.Value, peak.Expected, metric),
            ["lower"] = new(FactKind.Value, peak.Lower, metric),
            ["upper"] = new(FactKind.Value, peak.Upper, metric),
            ["first"] = FindingFacts.Day(first),
            ["last"] = FindingFacts.Day(last),
            ["span"] = new(FactKind.Part, Text: first == last ? "span.day" : "span.days"),
            ["shift"] = new(FactKind.Part, Text: episode.Kind == AnomalyKind.LevelShift ? "shift" : "none"),
            ["during"] = new(FactKind.Part, Text: calendarEvent is null ? "none" : "during"),
        };
        if (calendarEvent is not null)
        {
            facts["event"] = new(FactKind.Name, Text: calendarEvent.En, TextZh: calendarEvent.ZhHans);
        }
        return new FindingFacts(episode.Direction > 0 ? "metric.rose" : "metric.fell", facts);
    }
}
