namespace ModScope.Service.Outbox;

/// <summary>
/// What a job asks the outbox to send: the idempotency key, for whom and on which channel, the message, and the marks
/// of what it covers (<c>alert:12:new:critical</c>), so the next digest of the same subscription leaves them out.
/// </summary>
public sealed record OutboxEntry(string Key, string Subscription, string Channel, IReadOnlyList<string> Recipients, Message Message, IReadOnlyList<string> Marks);
