
namespace ModScope.Synthetic.Evaluation;

/// <summary>
/// How the monitor did on one planted incident: the alerts that match it, the first day one of them covers, and
/// the rank at which the incident's segment appears among the root causes of its top alert (null when it does not
/// appear, or when the incident has no segment to find).
/// </summary>
public sealed record IncidentOutcome(Incident Incident, IReadOnlyList<long> AlertIds, DateOnly? FirstAlertDay, int? RootCauseRank)
{
    public bool Detected => AlertIds.Count > 0;

    /// <summary>Days from the incident's start to the first alert's first day (0 = the same day).</summary>
    public int? DelayDays => FirstAlertDay is { } day ? day.DayNumber - Incident.Start.DayNumber : null;

    public bool HasSegment => Incident.Segment.Count > 0;
}
