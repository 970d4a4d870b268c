namespace ModScope.Catalog;

/// <summary>Agreement between the first two audits of each double-audited decision, on <see cref="Rating"/>.</summary>
public sealed record AgreementDefinition(string Source, string Time, string Rating);
