using Microsoft.AspNetCore.Antiforgery;

namespace ModScope.Web.Access;

/// <summary>
/// Middleware after authentication. When users are configured, a request without a signed-in user gets 401 (the API,
/// the OpenAPI document) or a redirect to the sign-in page (pages), except the sign-in page itself, its script and
/// style, the labels, <c>/api/session</c>, the OpenID Connect sign-in and its callback, and the CLI's forwarded commands (<see cref="Forwarding.ForwardedCommand"/>:
/// they prove themselves with the secret only the store's owner can read, and get 403 without it). A state-changing call (POST, PUT, PATCH, DELETE) on a cookie session
/// must carry the session's anti-forgery token in <c>X-CSRF-Token</c> (else 400); calls with an
/// <c>Authorization</c> header bring their credentials themselves and are not forgeable by another site.
/// </summary>
internal sealed class SignInGate(RequestDelegate next, AccessPolicy policy, IAntiforgery antiforgery)
{
    /// <summary>What anyone may fetch: the sign-in page and what it needs.</summary>
    private static readonly string[] Open = ["/signin", "/css/site.css", "/js/signin.js", "/api/labels", "/api/session", "/api/session/signin",
        Forwarding.ForwardedCommand.Route, OidcSettings.SignInPath, OidcSettings.CallbackPath];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value ?? "/";
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        if (policy.HasUsers && !signedIn && !Open.Contains(path, StringComparer.OrdinalIgnoreCase))
        {
            if (path.StartsWith("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/openapi", StringComparison.OrdinalIgnoreCase)
                || !HttpMethods.IsGet(context.Request.Method))
            {
                await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                    detail: "Sign in first (POST /api/session/signin), or send basic auth of a user.").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
            context.Response.Redirect("/signin?return=" + Uri.EscapeDataString(path + context.Request.QueryString));
            return;
        }
        var changes = HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)
            || HttpMethods.IsPatch(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method);
        if (changes && string.IsNullOrEmpty(context.Request.Headers.Authorization) && (signedIn || path.Equals("/api/session/signin", StringComparison.OrdinalIgnoreCase))
            && !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing anti-forgery token",
                detail: $"A change on a signed-in session needs the token of GET /api/session in the {SignInSetup.CsrfHeader} header.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }
}
