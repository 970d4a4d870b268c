using ModScope.Monitor.Scan;
using ModScope.Query;

namespace ModScope.Monitor;

/// <summary>
/// Which markets and regions a site's data problem reaches: those where the site decides at least
/// <see cref="MinShare"/> of the decisions. A site that stopped sending for a day moves every metric of such a market
/// (its automation rate jumps when the human decisions are missing), so its data alert explains them all.
/// </summary>
public sealed class SiteReach
{
    /// <summary>Share of a market's (or region's) decisions a site must make for its problems to reach it.</summary>
    public const double MinShare = 0.10;

    private readonly HashSet<(string Site, string Dimension, string Value)> _reached;

    private SiteReach(HashSet<(string, string, string)> reached) => _reached = reached;

    public static SiteReach Of(IEnumerable<(string Site, string Market, double Decisions)> volumes, IReadOnlyDictionary<string, string> regionOf)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        ArgumentNullException.ThrowIfNull(regionOf);
        var rows = volumes.Select(v => (v.Site, v.Market, Region: regionOf.GetValueOrDefault(v.Market) ?? "", v.Decisions)).ToList();
        var reached = new HashSet<(string, string, string)>();
        foreach (var (dimension, of) in new (string, Func<(string Site, string Market, string Region, double Decisions), string>)[] { ("market", r => r.Market), ("region", r => r.Region) })
        {
            var totals = rows.GroupBy(of).ToDictionary(g => g.Key, g => g.Sum(r => r.Decisions), StringComparer.Ordinal);
            foreach (var g in rows.GroupBy(r => (r.Site, Value: of(r))))
            {
                if (totals[g.Key.Value] > 0 && g.Sum(r => r.Decisions) / totals[g.Key.Value] >= MinShare)
                {
                    reached.Add((g.Key.Site, dimension, g.Key.Value));
                }
            }
        }
        return new SiteReach(reached);
    }

    /// <summary>Decisions by site and market over the days, through a metric request.</summary>
    public static async Task<SiteReach> LoadAsync(MetricQuery query, DateOnly from, DateOnly to, IReadOnlyDictionary<string, string> regionOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = await query.RunAsync(new MetricRequest([query.Catalog.Roles.Volume], ["site", "market"], TimeGrain.None, [], Period.UtcDays(from, to)), cancellationToken).ConfigureAwait(false);
        return Of(rows.Where(r => r.Value > 0 && r.Dimensions.GetValueOrDefault("site") is not null && r.Dimensions.GetValueOrDefault("market") is not null)
            .Select(r => (r.Dimensions["site"]!, r.Dimensions["market"]!, r.Value!.Value)), regionOf);
    }

    /// <summary>Whether the site's problems reach a metric segment: it names the site, or a market or region the site serves.</summary>
    public bool Reaches(string site, string segment) =>
        SeriesKey.Parse(segment).Any(p => p.Value is { } v && (p.Key == "site" ? v == site : _reached.Contains((site, p.Key, v))));
}
