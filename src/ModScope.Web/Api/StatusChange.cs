namespace ModScope.Web.Api;

/// <summary>The body of <c>POST /api/alerts/{id}/status</c>: acknowledged, resolved or snoozed (with <see cref="Until"/>, yyyy-MM-dd).</summary>
internal sealed record StatusChange(string? Status, string? Until);
