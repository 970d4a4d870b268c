using ModScope.Model;

namespace ModScope.Monitor.Alerts;

/// <summary>
/// Which alerts belong to a page's period and place: the alert's days overlap <see cref="From"/>..<see cref="To"/>
/// (both included) and, when <see cref="Places"/> is set, its segment names one of them (<c>market=JP</c>; a region
/// also covers its markets, and a market its queues, each of which serves one market). A total (unsegmented) alert
/// belongs only to the unfiltered view; so does a site's, since a site serves the queues of several markets.
/// </summary>
public sealed record AlertScope(DateOnly From, DateOnly To, IReadOnlySet<string>? Places)
{
    public bool Covers(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var f = alert.Finding;
        return f.FirstDay <= To && f.LastDay >= From
            // The segment is canonical "dimension=value;…" text (see SeriesKey), so each part is a place as written.
            && (Places is null || f.Segment.Split(';', StringSplitOptions.RemoveEmptyEntries).Any(Places.Contains));
    }

    /// <summary>
    /// The places of market and region filters (<c>dimension</c>, <c>values</c>; only "is one of" filters narrow):
    /// markets when given, else the regions with their markets from <paramref name="reference"/>, and those markets'
    /// queues; null when neither narrows.
    /// </summary>
    public static IReadOnlySet<string>? PlacesOf(IEnumerable<(string Dimension, IReadOnlyList<string> Values)> filters, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(reference);
        var list = filters.ToList();
        var markets = list.Where(f => f.Dimension == "market").SelectMany(f => f.Values).ToHashSet(StringComparer.Ordinal);
        var regions = list.Where(f => f.Dimension == "region").SelectMany(f => f.Values).ToHashSet(StringComparer.Ordinal);
        if (markets.Count == 0 && regions.Count == 0)
        {
            return null;
        }
        if (markets.Count == 0)
        {
            markets = reference.Markets.Where(m => regions.Contains(m.Region)).Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        }
        else
        {
            regions.Clear();
        }
        return regions.Select(r => $"region={r}")
            .Concat(markets.Select(m => $"market={m}"))
            .Concat(reference.Queues.Where(q => markets.Contains(q.Market)).Select(q => $"queue={q.QueueId}"))
            .ToHashSet(StringComparer.Ordinal);
    }
}
