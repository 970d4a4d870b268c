namespace ModScope.Monitor.Findings;

/// <summary>One fact of a finding: a number or a text and how it is shown (<see cref="FactKind"/>).</summary>
public sealed record FindingFact(FactKind Kind, double? Number = null, string? Text = null, string? TextZh = null);
