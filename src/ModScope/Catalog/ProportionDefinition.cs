namespace ModScope.Catalog;

/// <summary>
/// A proportion from the QA sample: among audited decisions matching <see cref="Population"/>, the share
/// matching <see cref="Success"/>, weighted by stratum (population / sample size). One audit per decision
/// (the first) is used, so a double-audited decision is not counted twice.
/// </summary>
public sealed record ProportionDefinition(string Source, string Time, IReadOnlyList<Condition> Population, IReadOnlyList<Condition> Success);
