using System.Globalization;

namespace ModScope.Synthetic;

/// <summary>A site's stable pool of moderators.</summary>
internal sealed record SiteTeam(SiteProfile Site, IReadOnlyList<SiteTeam.Moderator> Pool)
{
    public sealed record Moderator(string Id, int Number, string HomeMarket);

    /// <summary>
    /// Pool size is twice the baseline headcount plus one (rotation, days off, peaks); home markets are
    /// apportioned by expected human volume.
    /// </summary>
    public static SiteTeam Create(SiteProfile site, SimulationProfile profile, ProfileExpectations expected, int decisionsPerDay, double hoursPerModerator)
    {
        var shares = profile.Markets
            .Select(m => (Market: m, Share: expected.HumanShare(m) * m.Routing.Where(r => r.Site == site).Sum(r => r.Share)))
            .Where(x => x.Share > 0)
            .ToArray();
        if (shares.Length == 0)
        {
            return new SiteTeam(site, []);
        }

        var baselineHours = shares.Sum(x => decisionsPerDay * x.Market.Weight * x.Share) / site.TargetUph;
        var size = (2 * Math.Max(1, (int)Math.Round(baselineHours / hoursPerModerator))) + 1;
        var volumes = shares.Select(x => x.Market.Weight * x.Share).ToArray();
        var total = volumes.Sum();
        var pool = Enumerable.Range(1, size).Select(k =>
        {
            // The market whose slice of the cumulative volume holds this moderator's position in the pool.
            var position = (k - 0.5) / size * total;
            var index = 0;
            var running = volumes[0];
            while (running < position && index < volumes.Length - 1)
            {
                index++;
                running += volumes[index];
            }

            return new Moderator(string.Create(CultureInfo.InvariantCulture, $"{site.Id}-m{k:000}"), k, shares[index].Market.Code);
        }).ToArray();
        return new SiteTeam(site, pool);
    }
}
