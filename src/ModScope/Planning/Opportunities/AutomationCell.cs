namespace ModScope.Planning.Opportunities;

/// <summary>
/// One slice of work (a policy × object type, a queue) where automation could take over human decisions.
/// </summary>
/// <param name="Subject">Dimension values naming the slice.</param>
/// <param name="HumanDecisionsPerWeek">Human decisions per week in the slice.</param>
/// <param name="HandlingSeconds">Their mean handling seconds.</param>
/// <param name="HourlyCost">Mean hourly cost of the moderators doing them.</param>
/// <param name="AutomationRate">Share of the slice's decisions already automated.</param>
/// <param name="Human">QA accuracy of the slice's human decisions, or null without audits.</param>
/// <param name="Automated">QA accuracy of its automated decisions, or null without audits.</param>
public sealed record AutomationCell(
    IReadOnlyDictionary<string, string> Subject,
    double HumanDecisionsPerWeek,
    double HandlingSeconds,
    double HourlyCost,
    double AutomationRate,
    AccuracyEstimate? Human,
    AccuracyEstimate? Automated);
