using ModScope.Model;
using ModScope.Query;

namespace ModScope.Monitor.Alerts;

/// <summary>
/// Which alerts a caller limited to an <see cref="AccessScope"/> may see: those whose segment lies inside it. A scope
/// on markets needs a segment part naming an allowed market, a region all of whose markets are allowed, or a queue of an
/// allowed market; a scope on sites needs an allowed site. A total (unsegmented) alert, or one on a part the segment
/// does not pin down, holds other places' numbers and is not shown (fail closed).
/// </summary>
public static class AlertAccess
{
    public static bool Visible(Alert alert, AccessScope scope, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(reference);
        if (!scope.IsLimited)
        {
            return true;
        }
        var parts = alert.Finding.Segment.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).Select(p => (Dimension: p[0], Value: p[1])).ToList();
        var markets = ScopeFilters.Markets(scope, reference);
        var sites = ScopeFilters.Sites(scope, reference);
        if (markets is not null)
        {
            var regions = reference.RegionByMarket();
            var queues = reference.Queues.GroupBy(q => q.QueueId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(q => q.ValidFrom)!.Market, StringComparer.Ordinal);
            var inside = parts.Any(p => p.Dimension switch
            {
                "market" => markets.Contains(p.Value),
                "region" => regions.Any(r => r.Value == p.Value) && regions.Where(r => r.Value == p.Value).All(r => markets.Contains(r.Key)),
                "queue" => queues.TryGetValue(p.Value, out var market) && markets.Contains(market),
                _ => false,
            });
            if (!inside)
            {
                return false;
            }
        }
        return sites is null || parts.Any(p => p.Dimension == "site" && sites.Contains(p.Value));
    }
}
