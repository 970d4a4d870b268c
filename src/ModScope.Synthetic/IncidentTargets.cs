namespace ModScope.Synthetic;

/// <summary>
/// Which site, market or policy each incident kind hits, drawn from the seed among segments big enough
/// for the effect to be measurable: busy human sites, big markets, the policy with the most automated decisions (so the fixed QA sample sees the drift), and
/// the least automated sizeable markets for a mix shift.
/// </summary>
internal sealed record IncidentTargets(string FpSite, string MissingSite, string TatMarket, double TatFactor, string MixMarket, string DriftPolicy)
{
    public string TargetOf(string kind) => kind switch
    {
        IncidentKinds.FpSpike => FpSite,
        IncidentKinds.MissingSiteDay => MissingSite,
        IncidentKinds.TatSurge => TatMarket,
        IncidentKinds.MixShift => MixMarket,
        IncidentKinds.ModelDrift => DriftPolicy,
        _ => string.Empty,
    };

    public static IncidentTargets Choose(Random rng, SimulationProfile profile, ProfileExpectations expected)
    {
        var busySites = expected.HumanVolumeBySite
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToArray();
        var fpSite = Pick(rng, busySites.Take(5));
        var missingSite = Pick(rng, busySites.Where(s => s != fpSite).Take(5));

        var bigHumanMarkets = profile.Markets
            .OrderByDescending(m => m.Weight * expected.HumanShare(m)).ThenBy(m => m.Code, StringComparer.Ordinal)
            .Select(m => m.Code).ToArray();
        var tatMarket = Pick(rng, bigHumanMarkets.Take(4));
        var tatFactor = Math.Round(rng.Uniform(3.0, 5.0), 1);

        var lowAutomation = profile.Markets
            .Where(m => m.Weight >= 0.03 && m.Code != tatMarket)
            .OrderByDescending(m => expected.HumanShare(m)).ThenBy(m => m.Code, StringComparer.Ordinal)
            .Select(m => m.Code).ToArray();
        var mixMarket = Pick(rng, lowAutomation.Take(2));

        var automatedPolicies = expected.AutomatedVolumeByPolicy
            .Where(kv => expected.AutomationRateByPolicy[kv.Key] >= expected.AutomationRate)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToArray();
        var driftPolicy = automatedPolicies[0];

        return new IncidentTargets(fpSite, missingSite, tatMarket, tatFactor, mixMarket, driftPolicy);
    }

    private static string Pick(Random rng, IEnumerable<string> candidates)
    {
        var list = candidates.ToArray();
        return list[rng.Next(list.Length)];
    }
}
