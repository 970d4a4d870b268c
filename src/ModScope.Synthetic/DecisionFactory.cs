namespace ModScope.Synthetic;

/// <summary>
/// Draws one decision: object type, leaf policy, detection source, queue, automation, site, verdict,
/// hidden error, handling time and turnaround. Incidents and planted opportunities act here, on the generating process.
/// </summary>
internal sealed class DecisionFactory(SimulationProfile profile, IncidentPlan plan, OpportunityPlan opportunities, SimCalendar calendar)
{
    /// <summary>Longest human turnaround; items open longer are not simulated (and warm-up covers it).</summary>
    public const int MaxTurnaroundDays = 10;

    private const double TurnaroundSigma = 0.9;

    public SimDecision Create(Random rng, MarketProfile market, DateTime createdAt, int createdDay)
    {
        var objectType = profile.ObjectChoice.Pick(rng);
        var policy = objectType.Policies.Pick(rng);
        var source = profile.SourceChoice(objectType, market.IsEu).Pick(rng);
        var queue = profile.QueueFor(market, objectType, source.IsReactive);
        var automated = rng.Chance(SimulationProfile.AutomationProbability(market, objectType, policy, source));
        var site = automated ? null : market.SiteChoice.Pick(rng);
        var enforce = rng.Chance(Math.Min(0.9, policy.Enforce * objectType.EnforceFactor * source.EnforceFactor));
        var handling = automated ? 0.0 : Math.Round(Math.Clamp(rng.LogNormal(objectType.HandlingMedianSeconds * opportunities.HandlingFactor(site!), 0.5), 8, 1800));
        var decidedAt = site is null
            ? createdAt.AddSeconds(Math.Round(Math.Clamp(rng.LogNormal(2, 0.7), 1, 60)))
            : createdAt.AddSeconds(HumanTurnaroundSeconds(rng, market, queue.SlaHours, createdDay, handling));
        var error = site is null ? ErrorModel.Automated(rng, policy, enforce, opportunities.AutomatedErrorScale(policy.Id, queue.QueueId)) : ErrorModel.Human(rng, site, policy, enforce);

        if (site is null && enforce && error == LatentError.None && plan.IsModelDrift(policy, createdDay)
            && rng.Chance(IncidentPlan.DriftMissProbability))
        {
            (enforce, error) = (false, LatentError.FalseNegative);
        }

        if (site is not null && !enforce && error == LatentError.None && plan.IsFpSpike(site, calendar.DayOf(decidedAt))
            && rng.Chance(IncidentPlan.FpSpikeFlipProbability))
        {
            (enforce, error) = (true, LatentError.FalsePositive);
        }

        return new SimDecision
        {
            CreatedDay = createdDay,
            CreatedDate = calendar.DateOf(createdDay),
            Object = objectType,
            ObjectNumber = rng.NextInt64(10_000_000_000, 100_000_000_000),
            Market = market,
            Queue = queue,
            Policy = policy,
            Source = source,
            Automated = site is null,
            Site = site,
            Verdict = enforce ? objectType.Verdicts.Pick(rng) : Verdicts.Approve,
            CreatedAt = createdAt,
            DecidedAt = decidedAt,
            HandlingSeconds = handling,
            Error = error,
        };
    }

    /// <summary>
    /// Lognormal turnaround whose median sits below the SLA so that the market's share within SLA is
    /// Φ(SlaZ) (about 85-95%), times any backlog surge.
    /// </summary>
    private double HumanTurnaroundSeconds(Random rng, MarketProfile market, double slaHours, int createdDay, double handling)
    {
        var medianHours = slaHours * Math.Exp(-market.SlaZ * TurnaroundSigma);
        var hours = rng.LogNormal(medianHours, TurnaroundSigma) * plan.TatFactor(market, createdDay);
        var seconds = Math.Round(hours * 3600);
        return Math.Clamp(seconds, handling + 30, (MaxTurnaroundDays * 86400) - 1);
    }
}
