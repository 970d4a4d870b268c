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
        api.MapGet("/alerts/{id:long}/comments", (long id, HttpContext http, Dashboard dashboard) =>
            Results.Ok(new AlertComments(dashboard.Store).List(dashboard.VisibleAlert(id, Caller.Of(http).Scope).Id)))
            .WithName("AlertComments").WithSummary("An alert's comment thread, oldest first (UTC times).");

        api.MapPost("/alerts/{id:long}/comments", async (long id, [FromBody] CommentBody body, HttpContext http, Dashboard dashboard,
            CancellationToken cancellationToken) =>
        {
            ArgumentNullException.ThrowIfNull(body);
            var author = Caller.Of(http).Name;
            _ = dashboard.VisibleAlert(id, Caller.Of(http).Scope);
            AlertComment? added = null;
            try
            {
                await dashboard.Store.WriteAsync(_ => AlertEndpoints.Done(() => added = new AlertComments(dashboard.Store).Add(id, author, body.Text ?? "")),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ModScopeException ex) when (ex is not NotFoundException)
            {
                throw new BadParameterException("text", ex.Message, new(string.IsNullOrWhiteSpace(body.Text) ? ProblemKind.Missing : ProblemKind.TooLarge, Subject: "comment", Accepted: [$"1..{AlertComments.MaxLength}"]));
            }
            return Results.Ok(added);
        }).RequireAnalyst().WithName("CommentOnAlert").WithSummary("Add a comment to an alert's thread (analyst role).");
    }
}
