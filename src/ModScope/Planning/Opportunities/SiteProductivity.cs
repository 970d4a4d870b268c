using MathNet.Numerics.Distributions;

namespace ModScope.Planning.Opportunities;

/// <summary>
/// Sites taking more productive hours than their peers for the same mix of work. A site's standard time on a stratum
/// is the mean handling time of the other sites' decisions in it (the site left out, so a slow site that does much of a
/// stratum does not set its own standard; its own mean where no other site works the stratum); its standard hours are
/// Σ decisions × standard time (DOMAIN.md 1.6, weighted units), so a site whose work is harder earns more of them and
/// is not blamed. Its efficiency
/// is standard hours over productive hours, a ratio estimator over days with variance
/// Σ(W_d − e·H_d)² / (D(D−1)·H̄²) (Cochran 1977, 6.9). The peers' benchmark is the median efficiency of the other
/// sites; a site at least the gap setting below it, with its upper confidence bound below it, loses
/// H − W/e_peer productive hours a week, valued in scheduled hours at the targets and the site's hourly cost.
/// </summary>
public static class SiteProductivity
{
    public static IReadOnlyList<Opportunity> Find(IReadOnlyList<SiteWork> sites, OpportunitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validated();
        var pooled = Totals(sites);
        var measured = sites.Where(s => s.Days.Sum(d => d.ProductiveHours) > 0 && s.Days.Count >= 2)
            .Select(s => Measure(s, StandardSeconds(pooled, Totals([s])))).ToArray();
        var z = Normal.InvCDF(0.0, 1.0, 1.0 - ((1.0 - settings.Confidence) / 2.0));
        var found = new List<Opportunity>();
        foreach (var site in measured)
        {
            var peers = measured.Where(p => p.Site.Site != site.Site.Site).Select(p => p.Efficiency).Order().ToArray();
            if (peers.Length < 2)
            {
                continue;
            }

            var benchmark = Median(peers);
            var slower = 1.0 - (site.Efficiency / benchmark);
            if (slower < settings.ProductivityGap || site.Efficiency + (z * site.StandardError) >= benchmark)
            {
                continue;
            }

            var weeks = site.Site.Days.Count / 7.0;
            var gap = (site.Productive - (site.Standard / benchmark)) / weeks;
            var low = site.Productive * (1.0 - ((site.Efficiency + (z * site.StandardError)) / benchmark)) / weeks;
            var high = site.Productive * (1.0 - (Math.Max(0.0, site.Efficiency - (z * site.StandardError)) / benchmark)) / weeks;
            var scheduled = gap / (1.0 - settings.Targets.Shrinkage);
            var decisions = site.Site.Days.Sum(d => d.Work.Sum(w => w.Decisions));
            found.Add(new Opportunity(
                OpportunityKind.SiteProductivity,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["site"] = site.Site.Site },
                new OpportunitySize(gap, Math.Max(0.0, low), high, SizeUnit.ProductiveHours),
                scheduled,
                scheduled * site.Site.HourlyCost,
                [
                    new Evidence("slower_by", slower),
                    new Evidence("efficiency", site.Efficiency),
                    new Evidence("peer_efficiency", benchmark),
                    new Evidence("productive_hours_per_week", site.Productive / weeks),
                    new Evidence("standard_hours_per_week", site.Standard / weeks),
                    new Evidence("decisions_per_productive_hour", decisions / site.Productive),
                    new Evidence("peer_sites", peers.Length),
                    new Evidence("hourly_cost", site.Site.HourlyCost),
                ]));
        }

        return OpportunityRanking.Rank(found);
    }

    private sealed record Measured(SiteWork Site, double Productive, double Standard, double Efficiency, double StandardError);

    /// <summary>Decisions and handling seconds per stratum over <paramref name="sites"/>.</summary>
    private static Dictionary<string, (double Decisions, double Seconds)> Totals(IEnumerable<SiteWork> sites) =>
        sites.SelectMany(s => s.Days).SelectMany(d => d.Work)
            .GroupBy(w => w.Stratum, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Sum(w => w.Decisions), g.Sum(w => w.HandlingSeconds)), StringComparer.Ordinal);

    /// <summary>Mean handling seconds per stratum of the other sites (all but <paramref name="own"/>), else the site's own.</summary>
    private static Dictionary<string, double> StandardSeconds(Dictionary<string, (double Decisions, double Seconds)> pooled,
        Dictionary<string, (double Decisions, double Seconds)> own) =>
        own.Where(kv => kv.Value.Decisions > 0).ToDictionary(kv => kv.Key, kv =>
        {
            var (n, seconds) = pooled[kv.Key];
            var others = n - kv.Value.Decisions;
            return others > 0 ? (seconds - kv.Value.Seconds) / others : kv.Value.Seconds / kv.Value.Decisions;
        }, StringComparer.Ordinal);

    private static Measured Measure(SiteWork site, Dictionary<string, double> standard)
    {
        var days = site.Days.Select(d => (H: d.ProductiveHours, W: d.Work.Sum(w => w.Decisions * standard.GetValueOrDefault(w.Stratum)) / 3600.0)).ToArray();
        var productive = days.Sum(d => d.H);
        var earned = days.Sum(d => d.W);
        var efficiency = earned / productive;
        var meanHours = productive / days.Length;
        var variance = days.Sum(d => Math.Pow(d.W - (efficiency * d.H), 2)) / (days.Length * (days.Length - 1) * meanHours * meanHours);
        return new Measured(site, productive, earned, efficiency, Math.Sqrt(variance));
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
}
