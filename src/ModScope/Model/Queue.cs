namespace ModScope.Model;

/// <summary>A review queue with its SLA target (reference/queues.csv), as valid from <see cref="ValidFrom"/>.</summary>
public sealed record Queue(string QueueId, string Market, string ObjectType, double SlaHours, string NameEn, string NameZh, DateOnly ValidFrom);
