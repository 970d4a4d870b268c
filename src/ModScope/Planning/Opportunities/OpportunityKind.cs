namespace ModScope.Planning.Opportunities;

/// <summary>The kinds of sized opportunity.</summary>
public enum OpportunityKind
{
    /// <summary>Human work where automated decisions are at least as accurate.</summary>
    Automation,

    /// <summary>A site taking more productive hours than its peers for the same mix of work.</summary>
    SiteProductivity,

    /// <summary>A moderator or queue handling items far slower than peers on the same mix.</summary>
    HandlingTime,

    /// <summary>QA audits moved between strata (Neyman) for the same precision at lower cost.</summary>
    QaSampling,

    /// <summary>A site whose forecast work on its deadline (fluid) queues breaks the SLA with its current staffing.</summary>
    SlaRisk,

    /// <summary>A site whose minute-scale queues (livestream) lack someone on duty every hour with its current staffing.</summary>
    LiveCoverage,
}
