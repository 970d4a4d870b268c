using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using ModScope.Common;
using ModScope.Web.Access;

namespace ModScope.Web.Api;

/// <summary>
/// <c>/api/session</c>: who is signed in, signing in (a cookie session for a user of the users file; wrong passwords
/// count towards the name's lock-out and the client's credential rate limit) and signing out.
/// </summary>
internal static class SessionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/session", (HttpContext http, AccessPolicy access, IAntiforgery antiforgery) => Results.Ok(Answer(Caller.Of(http), access, antiforgery, http)))
            .WithName("Session").WithSummary("Who is signed in, their role and scope, and the anti-forgery token for their changes (X-CSRF-Token).");

        api.MapPost("/session/signin", async ([FromBody] SignInBody body, HttpContext http, AccessPolicy access, IAntiforgery antiforgery) =>
        {
            ArgumentNullException.ThrowIfNull(body);
            if (!access.HasUsers)
            {
                throw new BadParameterException("name", "No users are configured: this dashboard is a single-user tool on loopback and needs no sign-in.", new(ProblemKind.NotAllowed, Subject: "sign-in"));
            }
            if (access.SignIn(body.Name ?? "", body.Password ?? "") is not { } caller)
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in",
                    detail: $"Wrong name or password, or {SignInLockout.Failures} failures in a row: that name is then locked for {SignInLockout.Duration.TotalMinutes:0} minutes.");
            }
            var principal = caller.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal).ConfigureAwait(false);
            http.User = principal;
            return Results.Ok(Answer(caller, access, antiforgery, http));
        }).ChecksCredentials().WithName("SignIn").WithSummary("Sign in with a name and password of the users file: a cookie session (8 hours, sliding).");

        api.MapPost("/session/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.NoContent();
        }).WithName("SignOut").WithSummary("End the cookie session.");
    }

    private static SessionAnswer Answer(Caller caller, AccessPolicy access, IAntiforgery antiforgery, HttpContext http) =>
        new(caller.Name, caller.Role.ToString().ToLowerInvariant(), caller.Scope.Text, access.HasUsers, caller.MaySeePeople,
            antiforgery.GetAndStoreTokens(http).RequestToken, access.HasOidc);
}
