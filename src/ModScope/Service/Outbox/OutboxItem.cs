namespace ModScope.Service.Outbox;

/// <summary>One row of the outbox: a delivery, its idempotency key, and how sending it went so far.</summary>
/// <param name="Id">The delivery's number.</param>
/// <param name="Key">Its idempotency key: at most one delivery per key, ever; the receiver gets it too, to drop a repeat.</param>
/// <param name="Subscription">The subscription (or <c>owner:NAME</c>, or <c>test-send</c>) it was written for.</param>
/// <param name="Channel">The channel's name.</param>
/// <param name="Recipients">E-mail addresses, for an SMTP channel.</param>
/// <param name="Message">What it says (the attachment only when read for sending).</param>
/// <param name="Status">Pending, sent or failed (given up).</param>
/// <param name="Attempts">Sends tried so far.</param>
/// <param name="NextAttemptAt">When a pending one is tried next (UTC).</param>
/// <param name="LastError">The last attempt's error, or null.</param>
/// <param name="CreatedAt">When it was written (UTC).</param>
/// <param name="SentAt">When it was sent (UTC), or null.</param>
public sealed record OutboxItem(long Id, string Key, string Subscription, string Channel, IReadOnlyList<string> Recipients, Message Message,
    OutboxStatus Status, int Attempts, DateTime NextAttemptAt, string? LastError, DateTime CreatedAt, DateTime? SentAt);
