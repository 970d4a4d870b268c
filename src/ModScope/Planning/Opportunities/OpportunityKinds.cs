namespace ModScope.Planning.Opportunities;

/// <summary>
/// Each <see cref="OpportunityKind"/>'s name where people and files read it: <c>modscope opportunities --kind</c>, its
/// output, <c>opportunities.json</c>, the dashboard's API and labels (<c>opportunity.kind.NAME</c>) and the report's facts.
/// </summary>
public static class OpportunityKinds
{
    private static readonly IReadOnlyDictionary<OpportunityKind, string> Names = new Dictionary<OpportunityKind, string>
    {
        [OpportunityKind.Automation] = "automation",
        [OpportunityKind.SiteProductivity] = "site-productivity",
        [OpportunityKind.HandlingTime] = "handling-time",
        [OpportunityKind.QaSampling] = "qa-sampling",
        [OpportunityKind.SlaRisk] = "sla-risk",
        [OpportunityKind.LiveCoverage] = "live-coverage",
    };

    /// <summary>The kind's name, e.g. <c>site-productivity</c>.</summary>
    public static string Name(OpportunityKind kind) => Names[kind];

    /// <summary>The kind a name names, or null when it names none.</summary>
    public static OpportunityKind? Parse(string text) =>
        Names.Where(n => n.Value == text).Select(n => (OpportunityKind?)n.Key).FirstOrDefault();
}
