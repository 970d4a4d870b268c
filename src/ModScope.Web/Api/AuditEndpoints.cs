using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ModScope.Auditing;
using ModScope.Web.Access;

namespace ModScope.Web.Api;

/// <summary><c>/api/audit</c>: the audit log, newest first (admin role), and <c>/api/users</c>: who may sign in, with role and scope (admin role).</summary>
internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", async ([FromQuery(Name = "since")] string? since, [FromQuery(Name = "user")] string? user,
            [FromQuery(Name = "action")] string? action, [FromQuery(Name = "limit")] int? limit, Dashboard dashboard, AuditWriter writer,
            CancellationToken cancellationToken) =>
        {
            DateTime? from = null;
            if (!string.IsNullOrWhiteSpace(since))
            {
                from = DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? DateWindow.Day("since", day, since).ToDateTime(TimeOnly.MinValue)
                    : throw new BadParameterException("since", $"'{since}' is not a day; write yyyy-MM-dd.");
            }
            if (limit is < 1 or > 10_000)
            {
                throw new BadParameterException("limit", $"between 1 and 10000, not {limit}.");
            }
            // What was queued up to now belongs in the answer.
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return Results.Ok(new AuditLog(dashboard.Store).Read(from, Blank(user), Blank(action), limit ?? 500));
        }).RequireAdmin().WithName("Audit").WithSummary("The audit log, newest first: who viewed, exported or changed what, when (UTC), with the request and its status (admin role).");

        api.MapGet("/users", (AccessPolicy access) =>
            Results.Ok(access.Users.Select(u => new { u.Name, Role = u.Role.ToString().ToLowerInvariant(), Scope = u.Scope.Text }).ToList()))
            .RequireAdmin().WithName("Users").WithSummary("Who may sign in, with role and scope (admin role; never the hashes).");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
