namespace ModScope.Reports.Story;

/// <summary>The sections a storyline can hold; each has a title in the text resources (<c>section.{kind}</c>).</summary>
public enum SectionKind
{
    Headline,
    Movements,
    Risk,
    Decisions,
    RegionVsGlobal,
    MarketRanking,
    /// <summary>Each market against its own targets (regional reports, when markets have targets of their own).</summary>
    MarketTargets,
    SiteRanking,
    Alerts,
    Outlook,
    AccuracyByPolicy,
    AccuracyBySite,
    ErrorTypes,
    EnforcementBalance,
    AuditorAgreement,
    AppealOverturns,
    ThinSamples,
    /// <summary>The top sized opportunities in scope (exec and regional reports; <c>Planning.OpportunityFinder</c>).</summary>
    Opportunities,
    Trends,
}
