namespace ModScope.Synthetic;

/// <summary>
/// The placed incidents and how each one changes the generating process. Every query answers "does this
/// change apply to this segment on this day"; with no incidents every answer is neutral.
/// </summary>
internal sealed class IncidentPlan(IReadOnlyList<PlacedIncident> placed)
{
    /// <summary>Chance that a correct approval at the spiking site becomes an (unwarranted) enforcement.</summary>
    public const double FpSpikeFlipProbability = 0.07;

    /// <summary>Chance that a drifting model approves an item it should have enforced.</summary>
    public const double DriftMissProbability = 0.8;

    /// <summary>Volume multiplier of the market a mix shift moves toward.</summary>
    public const double MixShiftFactor = 2.5;

    public static IncidentPlan None { get; } = new([]);

    public IReadOnlyList<PlacedIncident> Placed { get; } = placed;

    public bool IsFpSpike(SiteProfile site, int day) => Any(IncidentKinds.FpSpike, site.Id, day);

    public bool IsModelDrift(PolicyProfile policy, int day) => Any(IncidentKinds.ModelDrift, policy.Id, day);

    public bool IsSiteMissing(SiteProfile site, int day) => Any(IncidentKinds.MissingSiteDay, site.Id, day);

    public bool IsRedelivery(int day) => Any(IncidentKinds.DuplicateRedelivery, string.Empty, day);

    public double TatFactor(MarketProfile market, int day) =>
        Find(IncidentKinds.TatSurge, market.Code, day)?.Factor ?? 1.0;

    public double VolumeFactor(MarketProfile market, int day) =>
        Any(IncidentKinds.MixShift, market.Code, day) ? MixShiftFactor : 1.0;

    private bool Any(string kind, string target, int day) => Find(kind, target, day) is not null;

    private PlacedIncident? Find(string kind, string target, int day)
    {
        foreach (var incident in Placed)
        {
            if (incident.IsActive(day) && incident.Kind == kind && incident.Target == target)
            {
                return incident;
            }
        }

        return null;
    }
}
