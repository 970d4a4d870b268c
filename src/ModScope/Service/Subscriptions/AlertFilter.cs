using ModScope.Monitor.Alerts;

namespace ModScope.Service.Subscriptions;

/// <summary>
/// Which alerts a digest (or an owner) gets: metric ids (none: every metric), segments (an alert matches a segment
/// when its own segment holds each of its <c>dimension=value</c> pairs; none: every segment) and the lowest severity.
/// </summary>
public sealed record AlertFilter(IReadOnlyList<string> Metrics, IReadOnlyList<string> Segments, AlertSeverity MinimumSeverity)
{
    /// <summary>Every alert.</summary>
    public static AlertFilter Everything { get; } = new([], [], AlertSeverity.Warning);

    /// <summary>Whether <paramref name="finding"/> passes the filter.</summary>
    public bool Matches(AlertFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Severity < MinimumSeverity || (Metrics.Count > 0 && !Metrics.Contains(finding.Subject, StringComparer.Ordinal)))
        {
            return false;
        }
        var own = finding.Segment.Split(';', StringSplitOptions.RemoveEmptyEntries);
        return Segments.Count == 0 || Segments.Any(s => s.Split(';', StringSplitOptions.RemoveEmptyEntries).All(p => own.Contains(p, StringComparer.Ordinal)));
    }
}
