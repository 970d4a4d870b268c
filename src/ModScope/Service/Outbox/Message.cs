namespace ModScope.Service.Outbox;

/// <summary>
/// What one delivery says, rendered when it is written to the outbox (so a retry sends the very same thing): a subject,
/// the plain text, the structured JSON a webhook's plain shape carries, and an optional attachment (a report).
/// </summary>
public sealed record Message(string Subject, string Text, string Json, string? AttachmentName = null, byte[]? Attachment = null);
