namespace ModScope.Synthetic;

/// <summary>One metric an incident moves, and which way (<c>up</c> or <c>down</c>).</summary>
public sealed record IncidentEffect(string Metric, string Direction);
