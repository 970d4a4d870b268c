using Microsoft.AspNetCore.Mvc;
using ModScope.Common;
using ModScope.Web.Api;

namespace ModScope.Web.Forwarding;

/// <summary>
/// <c>POST /api/commands</c>: a CLI write command (ingest, monitor, alerts ack/resolve/snooze/label) run by the server
/// while it serves, under its write gate, answering what the command printed and its exit code. Only a caller holding
/// this start's secret (from the owner-only <see cref="ServerInfoFile"/>) is served; others get 403.
/// </summary>
internal static class CommandEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost(ForwardedCommand.Route, async ([FromBody] ForwardedCommand body, HttpContext http, CommandForwarding forwarding,
            Dashboard dashboard, CancellationToken cancellationToken) =>
        {
            ArgumentNullException.ThrowIfNull(body);
            if (!forwarding.Accepts(http.Request.Headers[ForwardedCommand.SecretHeader].FirstOrDefault()))
            {
                return Results.Problem($"A forwarded command needs this server's secret in {ForwardedCommand.SecretHeader} (from the store's .server.json).",
                    statusCode: StatusCodes.Status403Forbidden);
            }
            if (body.Arguments is not { Count: > 0 } arguments)
            {
                throw new BadParameterException("arguments", "arguments: the command line to run is missing.", new(ProblemKind.Missing, Subject: "command"));
            }
            var width = Math.Clamp(body.Width, 40, 400);
            var outcome = await dashboard.Store.WriteAsync(token => forwarding.Runner.RunAsync(arguments, dashboard.Store.Path, width, token),
                cancellationToken).ConfigureAwait(false);
            return Results.Ok(outcome);
        }).AddEndpointFilter<ProblemFilter>().ExcludeFromDescription();
    }
}
