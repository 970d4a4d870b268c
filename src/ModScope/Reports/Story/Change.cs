namespace ModScope.Reports.Story;

/// <summary>One line of the overview's "what changed": a significant movement and the fact that words it.</summary>
public sealed record Change(Movement Movement, Fact Fact);
