namespace ModScope.Monitor.Alerts;

/// <summary>One comment on an alert (time in UTC).</summary>
public sealed record AlertComment(long Id, long AlertId, string Author, string Body, DateTime CreatedAt);
