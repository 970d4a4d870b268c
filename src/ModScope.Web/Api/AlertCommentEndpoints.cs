using System.Text;
using Microsoft.AspNetCore.Mvc;
using ModScope.Common;
using ModScope.Monitor.Alerts;
using ModScope.Web.Access;

namespace ModScope.Web.Api;

/// <summary>
/// <c>/api/alerts/{id}/comments</c>: an alert's comment thread, oldest first (what people said, and the lifecycle's own
/// notes by <c>modscope</c>: auto-resolved, snooze ended); analysts add to it. Times are UTC.
/// </summary>
internal static class AlertCommentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/alerts/{id:long}/comments", (long id, Dashboard dashboard) =>
            Results.Ok(new AlertComments(dashboard.Store).List(id)))
            .WithName("AlertComments").WithSummary("An alert's comment thread, oldest first (UTC times).");

        api.MapPost("/alerts/{id:long}/comments", async (long id, [FromBody] CommentBody body, HttpContext http, Dashboard dashboard,
            CancellationToken cancellationToken) =>
        {
            ArgumentNullException.ThrowIfNull(body);
            var author = Author(http.Request.Headers.Authorization.ToString());
            AlertComment? added = null;
            try
            {
                await dashboard.Store.WriteAsync(_ => AlertEndpoints.Done(() => added = new AlertComments(dashboard.Store).Add(id, author, body.Text ?? "")),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ModScopeException ex) when (ex is not NotFoundException)
            {
                throw new BadParameterException("text", ex.Message);
            }
            return Results.Ok(added);
        }).RequireAnalyst().WithName("CommentOnAlert").WithSummary("Add a comment to an alert's thread (analyst role).");
    }

    /// <summary>The signed-in user's name (HTTP basic; the analyst role already checked it), or <c>analyst</c> for the bearer token.</summary>
    private static string Author(string authorization)
    {
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                if (pair.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
                {
                    return pair[..colon];
                }
            }
            catch (FormatException)
            {
                // Not base64: the role check has refused it already; fall through.
            }
        }
        return "analyst";
    }
}
