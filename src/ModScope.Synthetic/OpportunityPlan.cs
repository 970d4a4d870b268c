namespace ModScope.Synthetic;

/// <summary>
/// The planted opportunities and how each one changes the generating process, over the whole range (a level, not a
/// change, so the monitor has nothing to detect): a site slower than its peers on the same mix, and a site whose QA
/// over-samples its enforce stratum. With no plants every answer is neutral.
/// </summary>
/// <param name="SlowSite">The site whose handling times are <see cref="SlowFactor"/> times its peers'; null for none.</param>
/// <param name="QaSite">The site whose enforce stratum is audited <see cref="QaOverSampling"/> times as much; null for none.</param>
internal sealed record OpportunityPlan(string? SlowSite, string? QaSite)
{
    /// <summary>The slow site's handling times over its peers' on the same object type (20% slower).</summary>
    public const double SlowFactor = 1.2;

    /// <summary>The over-sampled stratum's daily audits over the usual 20-30.</summary>
    public const int QaOverSampling = 3;

    public static OpportunityPlan None { get; } = new(null, null);

    public double HandlingFactor(SiteProfile site) => site.Id == SlowSite ? SlowFactor : 1.0;

    public bool IsOverSampled(string unit, bool enforce) => enforce && unit == QaSite;
}
