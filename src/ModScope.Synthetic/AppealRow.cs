namespace ModScope.Synthetic;

/// <summary>One appeal row (see EventSchema.Appeals); resolution is empty while the appeal is open.</summary>
internal sealed record AppealRow(string AppealId, string DecisionId, DateTime FiledAt, DateTime? ResolvedAt, string? Outcome);
