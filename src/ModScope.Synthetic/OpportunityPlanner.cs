namespace ModScope.Synthetic;

/// <summary>
/// Chooses where opportunities are planted, from the seed, among segments big enough for the finder to see them: a
/// busy human site for the over-sampled QA stratum, and for the slow one a busy site whose markets other sites serve too
/// (a site alone on its queues is indistinguishable from one with harder work, so no mix-adjusted comparison can see
/// it). Never a site an incident hits (its window would blur the level). No automation candidate is planted: the
/// generator's automated QA sample (60-80 a day per enforce/approve stratum over all automated decisions) gives the
/// largest policy × queue cell under 30 audits in 28 days, too few for the non-inferiority test.
/// </summary>
internal static class OpportunityPlanner
{
    public static OpportunityPlan Plan(GeneratorOptions options, SimulationProfile profile, ProfileExpectations expected, IncidentPlan incidents)
    {
        if (!options.Opportunities)
        {
            return OpportunityPlan.None;
        }

        var rng = SeedMixer.Random(options.Seed, SeedMixer.Stream.Opportunities);
        var hit = incidents.Placed.Select(p => p.Target).ToHashSet(StringComparer.Ordinal);
        var busy = expected.HumanVolumeBySite
            .Where(kv => !hit.Contains(kv.Key))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).Take(6).ToList();
        var shared = busy.Where(s => SharedShare(profile, expected, s) >= 0.8).ToList();
        var slow = shared.Count > 0 ? shared[rng.Next(shared.Count)] : busy[rng.Next(busy.Count)];
        busy.Remove(slow);
        var qa = busy[rng.Next(busy.Count)];
        return new OpportunityPlan(slow, qa);
    }

    /// <summary>Share of the site's expected human decisions from markets that other sites serve too.</summary>
    private static double SharedShare(SimulationProfile profile, ProfileExpectations expected, string site)
    {
        var volumes = profile.Markets
            .Select(m => (m.Routing.Count, Volume: m.Weight * expected.HumanShare(m) * m.Routing.Where(r => r.Site.Id == site).Sum(r => r.Share)))
            .ToArray();
        var total = volumes.Sum(v => v.Volume);
        return total <= 0 ? 0.0 : volumes.Where(v => v.Count >= 2).Sum(v => v.Volume) / total;
    }
}
