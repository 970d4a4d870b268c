namespace ModScope.Monitor.Findings;

/// <summary>
/// Data health's words in a language: a source table's name (<c>source.{table}</c>: 决策, not <c>decisions</c>), a
/// quarantine rule's name (<c>rule.{rule}</c>) and a quarantined row's reason (<see cref="QuarantineFindings"/>), each from
/// <c>findings.{lang}.json</c>; a table or rule without words is shown by its own name.
/// </summary>
public sealed class QuarantineText(FindingRenderer renderer)
{
    public string Language => renderer.Language;

    public string Table(string table) => renderer.Render(FindingFacts.Of("source." + table), table);

    public string Rule(string rule) => renderer.Render(FindingFacts.Of("rule." + rule), rule);

    /// <summary>Why a row was held back, from its stored rule, field and English message.</summary>
    public string Reason(string rule, string? field, string message) => renderer.Render(QuarantineFindings.Of(rule, field, message), message);
}
