using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ModScope.Auditing;
using ModScope.Common;
using ModScope.Web.Access;

namespace ModScope.Web.Api;

/// <summary><c>/api/audit</c>: the audit log, newest first (admin role), and <c>/api/users</c>: who may sign in, with role and scope (admin role).</summary>
internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", async ([FromQuery(Name = "since")] string? since, [FromQuery(Name = "until")] string? until, [FromQuery(Name = "user")] string? user,
            [FromQuery(Name = "action")] string? action, [FromQuery(Name = "limit")] string? limit, [FromQuery(Name = "offset")] string? offset,
            Dashboard dashboard, AuditWriter writer, CancellationToken cancellationToken) =>
        {
            var from = Day("since", since);
            // The last day is whole: rows before the next midnight (UTC).
            var to = Day("until", until)?.AddDays(1);
            var rows = WholeNumber.Parse("limit", limit, 1, 10_000) ?? 500;
            var skip = WholeNumber.Parse("offset", offset, 0, 10_000_000) ?? 0;
            var kind = Blank(action);
            if (kind is not null && !AuditLog.Actions.Contains(kind, StringComparer.Ordinal))
            {
                throw new BadParameterException("action", $"'{kind}' is not an audited action; one of {string.Join(", ", AuditLog.Actions)}.", ProblemReason.Unknown("action", kind, AuditLog.Actions));
            }
            // What was queued up to now belongs in the answer.
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return Results.Ok(new AuditLog(dashboard.Store).Read(from, Blank(user), kind, rows, to, skip));
        }).RequireAdmin().WithName("Audit")
            .WithSummary("The audit log, newest first: who viewed, exported or changed what, when (UTC), with the request and its status (admin role); since/until are UTC days (both included), limit and offset page it.");

        api.MapGet("/users", (AccessPolicy access) =>
            Results.Ok(access.Users.Select(u => new { u.Name, Role = u.Role.ToString().ToLowerInvariant(), Scope = u.Scope.Text }).ToList()))
            .RequireAdmin().WithName("Users").WithSummary("Who may sign in, with role and scope (admin role; never the hashes).");
    }

    private static DateTime? Day(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? DateWindow.Day(name, day, text).ToDateTime(TimeOnly.MinValue)
            : throw new BadParameterException(name, $"'{text}' is not a day; write yyyy-MM-dd.", ProblemReason.Format("day", text, "yyyy-MM-dd"));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
