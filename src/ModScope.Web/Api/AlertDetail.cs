using ModScope.Monitor.Explanation;

namespace ModScope.Web.Api;

/// <summary>
/// An alert with its daily series and expected band, the calendar events on its chart, and its stored explanation (mix vs
/// rate, root causes) as data and, in <see cref="ExplanationText"/>, in words of the request's language.
/// </summary>
internal sealed record AlertDetail(
    AlertView Alert, IReadOnlyList<BandPoint> Series, IReadOnlyList<EventMarker> Events, AlertExplanation? Explanation,
    string? ExplanationCurrent, string? ExplanationBaseline)
{
    public ExplanationText? ExplanationText { get; init; }
}
