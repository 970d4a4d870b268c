using ModScope.Monitor.Explanation;
using ModScope.Model;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Scan;

namespace ModScope.Synthetic.Evaluation;

/// <summary>
/// Which alerts belong to which planted incident, by rules easy to check by hand:
/// <list type="bullet">
/// <item>the alert's metric is one the incident is about (for a missing site-day or a redelivery, also the data alert of
/// the volume, freshness or duplicate check; a redelivery also matches a file alert naming a file of its day). An alert
/// on one of the incident's <see cref="Incident.Consequences"/>, or a volume data alert on an incident that moves
/// decision volume, is a correct alert (<see cref="Explains"/>) but does not by itself detect the incident
/// (<see cref="Matches(Incident, IReadOnlyList{Alert})"/>);</item>
/// <item>it starts between the day before the incident and <see cref="LateDays"/> days after its end;</item>
/// <item>its segment does not contradict the incident's: no shared dimension with another value, and a region that
/// holds the incident's market.</item>
/// </list>
/// </summary>
public sealed class IncidentMatcher(ReferenceData reference)
{
    /// <summary>How long after an incident's end an alert may still start (QA rates pool a trailing week).</summary>
    public const int LateDays = 3;

    private readonly IReadOnlyDictionary<string, string> _regionOf = reference.RegionByMarket();

    /// <summary>The incident's segment in dimension ids (its file uses column names: policy_id → policy).</summary>
    public static Dictionary<string, string> Segment(Incident incident) =>
        incident.Segment.ToDictionary(p => p.Key == "policy_id" ? "policy" : p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>The alerts that detect <paramref name="incident"/>: on a metric it is about.</summary>
    public IReadOnlyList<Alert> Matches(Incident incident, IReadOnlyList<Alert> alerts) =>
        alerts.Where(a => Matches(incident, a.Finding, consequences: false)).ToList();

    /// <summary>Whether <paramref name="alert"/> reports a real move caused by <paramref name="incident"/>, on any metric it moves.</summary>
    public bool Explains(Incident incident, Alert alert) => Matches(incident, alert.Finding, consequences: true);

    /// <summary>
    /// The alert whose root causes are judged, where an analyst would start: one on the incident's own dimensions
    /// (the total, or a part of the incident's segment) before one on other dimensions, then the broadest segment,
    /// then the highest ranked.
    /// </summary>
    public static Alert? Representative(Incident incident, IReadOnlyList<Alert> matches)
    {
        var own = Segment(incident).Keys.ToHashSet(StringComparer.Ordinal);
        return matches
            .OrderBy(a => SeriesKey.Parse(a.Finding.Segment).Keys.All(own.Contains) ? 0 : 1)
            .ThenBy(a => SeriesKey.Parse(a.Finding.Segment).Count)
            .ThenByDescending(a => a.Finding.Rank)
            .FirstOrDefault();
    }

    /// <summary>
    /// 1-based rank of the incident's segment among the alert's root causes: its own segment first (when it has
    /// one), then, for a mix shift, the segment whose weight moved most, then the explanation's causes, each narrowed
    /// by the alert's segment, then the narrower alerts held under it (strongest first). Null when the segment is not
    /// among them.
    /// </summary>
    public static int? RootCauseRank(Incident incident, Alert alert)
    {
        var target = Segment(incident);
        var own = Values(alert.Finding.Segment);
        var candidates = new List<Dictionary<string, string>>();
        if (own.Count > 0)
        {
            candidates.Add(own);
        }
        if (AlertExplanation.FromJson(alert.Finding.Explanation) is { } explanation)
        {
            if (explanation.MixRate is { } split && Math.Abs(split.Mix) > Math.Abs(split.Rate) && split.Segments.Count > 0)
            {
                candidates.Add(Narrow(own, new Dictionary<string, string> { [split.Dimension] = split.Segments[0].Value }));
            }
            candidates.AddRange(explanation.Causes.Select(c => Narrow(own, c.Conjunction)));
            candidates.AddRange(explanation.Within.Select(w => Values(w.Segment)));
        }
        var distinct = candidates.DistinctBy(c => SeriesKey.Format(c.ToDictionary(p => p.Key, p => (string?)p.Value))).ToList();
        var at = distinct.FindIndex(c => c.Count == target.Count && c.All(p => target.TryGetValue(p.Key, out var v) && v == p.Value));
        return at >= 0 ? at + 1 : null;
    }

    private bool Matches(Incident incident, AlertFinding alert, bool consequences)
    {
        if (incident.Kind == IncidentKinds.DuplicateRedelivery && NamesFileOfDay(alert, incident.Start))
        {
            return true;
        }
        if (alert.FirstDay > incident.End.AddDays(LateDays) || alert.FirstDay < incident.Start.AddDays(-1))
        {
            return false;
        }
        var dataIncident = incident.Kind is IncidentKinds.MissingSiteDay or IncidentKinds.DuplicateRedelivery;
        var metrics = consequences ? incident.MovedMetrics : incident.Metrics;
        var subject = alert.Kind == AlertKind.Metric
            ? metrics.Contains(alert.Subject)
            : dataIncident
                ? alert.Subject.StartsWith("volume:", StringComparison.Ordinal) || alert.Subject.StartsWith("freshness:", StringComparison.Ordinal) ||
                  alert.Subject.StartsWith("duplicate_ids:", StringComparison.Ordinal)
                : consequences && alert.Subject == "volume:decisions" && metrics.Contains("decision_volume");
        return subject && Compatible(Segment(incident), SeriesKey.Parse(alert.Segment));
    }

    /// <summary>
    /// A redelivered day shows as a file problem (duplicates quarantined, or rows replaced) dated by the load, not by
    /// the data: it matches when the data alert names a file of that day (<c>decisions-YYYY-MM-DD…</c>, ModScope's
    /// input naming).
    /// </summary>
    private static bool NamesFileOfDay(AlertFinding alert, DateOnly day) =>
        alert.Kind == AlertKind.Data && alert.Segment.StartsWith("file=", StringComparison.Ordinal) &&
        alert.Segment.Contains(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private bool Compatible(Dictionary<string, string> incident, IReadOnlyDictionary<string, string?> alert)
    {
        foreach (var (dimension, value) in alert)
        {
            if (incident.TryGetValue(dimension, out var expected) && expected != value)
            {
                return false;
            }
            if (dimension == "region" && incident.TryGetValue("market", out var market) && _regionOf.GetValueOrDefault(market) != value)
            {
                return false;
            }
        }
        return true;
    }

    private static Dictionary<string, string> Values(string segment) =>
        SeriesKey.Parse(segment).ToDictionary(p => p.Key, p => p.Value ?? "", StringComparer.Ordinal);

    private static Dictionary<string, string> Narrow(Dictionary<string, string> own, IReadOnlyDictionary<string, string> cause)
    {
        var merged = new Dictionary<string, string>(own, StringComparer.Ordinal);
        foreach (var (k, v) in cause)
        {
            merged[k] = v;
        }
        return merged;
    }
}
