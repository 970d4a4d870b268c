namespace ModScope.Synthetic;

/// <summary>
/// Expected shares computed from the profile alone (no sampling): how much of a market's volume needs a
/// human, and where the volume sits. Used to size staffing and to choose incident segments.
/// </summary>
internal sealed class ProfileExpectations
{
    private readonly double[] _humanShareByMarket;

    public ProfileExpectations(SimulationProfile profile)
    {
        _humanShareByMarket = new double[profile.Markets.Count];
        var humanEnforcementByMarket = new double[profile.Markets.Count];
        var automatedByPolicy = new Dictionary<string, double>(StringComparer.Ordinal);
        var totalByPolicy = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in profile.Markets)
        {
            var human = 0.0;
            foreach (var (o, wo) in profile.ObjectChoice.Probabilities)
            {
                foreach (var (p, wp) in o.Policies.Probabilities)
                {
                    foreach (var (s, ws) in profile.SourceChoice(o, m.IsEu).Probabilities)
                    {
                        var auto = SimulationProfile.AutomationProbability(m, o, p, s);
                        var w = wo * wp * ws;
                        human += w * (1 - auto);
                        humanEnforcementByMarket[m.Index] += w * (1 - auto) * Math.Min(0.9, p.Enforce * o.EnforceFactor * s.EnforceFactor);
                        automatedByPolicy[p.Id] = automatedByPolicy.GetValueOrDefault(p.Id) + (m.Weight * w * auto);
                        totalByPolicy[p.Id] = totalByPolicy.GetValueOrDefault(p.Id) + (m.Weight * w);
                    }
                }
            }

            _humanShareByMarket[m.Index] = human;
        }

        AutomatedVolumeByPolicy = automatedByPolicy;
        AutomationRateByPolicy = totalByPolicy.ToDictionary(kv => kv.Key, kv => automatedByPolicy[kv.Key] / kv.Value, StringComparer.Ordinal);
        HumanVolumeBySite = profile.Sites.ToDictionary(
            s => s.Id,
            s => profile.Markets.Sum(m => m.Weight * HumanShare(m) * m.Routing.Where(r => r.Site == s).Sum(r => r.Share)),
            StringComparer.Ordinal);
        HumanEnforcementBySite = profile.Sites.ToDictionary(
            s => s.Id,
            s => profile.Markets.Sum(m => m.Weight * humanEnforcementByMarket[m.Index] * m.Routing.Where(r => r.Site == s).Sum(r => r.Share)),
            StringComparer.Ordinal);
        AutomationRate = 1 - profile.Markets.Sum(m => m.Weight * HumanShare(m));
    }

    /// <summary>Share of the market's decisions taken by humans.</summary>
    public double HumanShare(MarketProfile market) => _humanShareByMarket[market.Index];

    /// <summary>Share of all decisions that are automated and under each policy.</summary>
    public IReadOnlyDictionary<string, double> AutomatedVolumeByPolicy { get; }

    /// <summary>Share of each policy's decisions that are automated.</summary>
    public IReadOnlyDictionary<string, double> AutomationRateByPolicy { get; }

    /// <summary>Share of all decisions that are human and taken at each site.</summary>
    public IReadOnlyDictionary<string, double> HumanVolumeBySite { get; }

    /// <summary>Share of all decisions that are human enforcements (any verdict but approve) taken at each site (the enforce probability as <see cref="DecisionFactory"/> draws it).</summary>
    public IReadOnlyDictionary<string, double> HumanEnforcementBySite { get; }

    /// <summary>Expected overall automation rate with the baseline market mix.</summary>
    public double AutomationRate { get; }
}
