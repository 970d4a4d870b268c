namespace ModScope.Tests.Synthetic;

/// <summary>An appeals row; resolution and outcome are null while open.</summary>
public sealed record AppealRecord(string AppealId, string DecisionId, DateTime FiledAt, DateTime? ResolvedAt, string? Outcome, DateOnly FileDate);
