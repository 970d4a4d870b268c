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
    Trends,
}
