using ModScope.Monitor.Alerts;

namespace ModScope.Monitor.Scan;

/// <summary>
/// One anomaly, one alert: when a metric moves in a segment and, on overlapping days and in the same direction, in a
/// broader segment holding it (market=BR inside region=LATAM inside the total; decided_by=human;market=BR inside
/// market=BR), the broadest of them is the alert and the others are stored under it, suppressed, pointing at it. The
/// broad alert's explanation drills down to the narrow segments, so nothing is lost; the analyst reads one alert.
/// Two sibling segments (BR and MX) stay separate unless a broader alert holds both.
/// </summary>
public static class NestedAlerts
{
    /// <summary>
    /// The findings with each nested metric finding's <see cref="AlertFinding.SuppressedBy"/> set to the broadest
    /// finding holding it; findings already suppressed by a data alert, and data findings, are left as they are.
    /// </summary>
    /// <param name="regionOf">Each market's region, so that region=X holds market=Y.</param>
    public static IReadOnlyList<AlertFinding> Group(IReadOnlyList<AlertFinding> findings, IReadOnlyDictionary<string, string> regionOf)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(regionOf);
        var open = findings.Where(f => f.Kind == AlertKind.Metric && f.SuppressedBy is null).ToList();
        var segments = new Dictionary<AlertFinding, IReadOnlyDictionary<string, string?>>(ReferenceEqualityComparer.Instance);
        foreach (var f in open)
        {
            segments[f] = SeriesKey.Parse(f.Segment);
        }
        var parent = new Dictionary<AlertFinding, AlertFinding>(ReferenceEqualityComparer.Instance);
        foreach (var child in open)
        {
            var holder = open
                .Where(p => !ReferenceEquals(p, child) && SameAnomaly(p, child) && Holds(segments[p], segments[child], regionOf))
                .OrderBy(p => Breadth(segments[p]))
                .ThenByDescending(p => p.Rank)
                .FirstOrDefault();
            if (holder is not null)
            {
                parent[child] = holder;
            }
        }
        return findings.Select(f => parent.ContainsKey(f) ? f with { SuppressedBy = Root(f, parent) } : f).ToList();
    }

    /// <summary>
    /// The narrower alerts of <paramref name="parent"/>'s metric among <paramref name="held"/> (the findings held under
    /// it), strongest first: where, inside the parent's segment, the monitor itself saw the move.
    /// </summary>
    public static IReadOnlyList<Explanation.NarrowerAlert> Within(AlertFinding parent, IEnumerable<AlertFinding> held)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(held);
        return held.Where(h => h.Kind == AlertKind.Metric && h.Subject == parent.Subject && h.Segment != parent.Segment)
            .OrderByDescending(h => h.Score).ThenBy(h => h.Segment, StringComparer.Ordinal)
            .Select(h => new Explanation.NarrowerAlert(h.Segment, h.Value, h.Expected, h.Score))
            .ToList();
    }

    /// <summary>Whether segment <paramref name="broad"/> holds <paramref name="narrow"/> and is not the same segment.</summary>
    public static bool Holds(IReadOnlyDictionary<string, string?> broad, IReadOnlyDictionary<string, string?> narrow, IReadOnlyDictionary<string, string> regionOf)
    {
        ArgumentNullException.ThrowIfNull(broad);
        ArgumentNullException.ThrowIfNull(narrow);
        ArgumentNullException.ThrowIfNull(regionOf);
        foreach (var (dimension, value) in broad)
        {
            var held = narrow.TryGetValue(dimension, out var v)
                ? v == value
                : dimension == "region" && narrow.TryGetValue("market", out var market) && market is not null &&
                  regionOf.TryGetValue(market, out var region) && region == value;
            if (!held)
            {
                return false;
            }
        }
        return Breadth(broad) < Breadth(narrow);
    }

    private static bool SameAnomaly(AlertFinding a, AlertFinding b) =>
        a.Subject == b.Subject && a.Direction == b.Direction && a.FirstDay <= b.LastDay && b.FirstDay <= a.LastDay;

    /// <summary>How narrow a segment is: one per dimension, a region half (it holds markets).</summary>
    private static double Breadth(IReadOnlyDictionary<string, string?> segment) =>
        segment.Keys.Sum(d => d == "region" ? 0.5 : 1.0);

    /// <summary>The top of a chain (a narrow alert under a broader one under the broadest): children point at the top.</summary>
    private static AlertFinding Root(AlertFinding finding, Dictionary<AlertFinding, AlertFinding> parent)
    {
        var at = finding;
        for (var guard = 0; parent.TryGetValue(at, out var up) && guard < parent.Count; guard++)
        {
            at = up;
        }
        return at;
    }
}
