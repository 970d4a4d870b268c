using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ModScope.Web.Access;

/// <summary>
/// ASP.NET Core authentication for the dashboard: a cookie session for the browser (signed in at <c>/signin</c>;
/// HttpOnly, SameSite=Strict, 8 hours sliding) and the <c>Authorization</c> header for API clients
/// (<see cref="HeaderAuthentication"/>): a request with that header is judged by it alone; with a team's identity provider
/// configured, OpenID Connect signs the browser into the same cookie session (<see cref="OidcSignIn"/>). Anti-forgery tokens
/// (<c>X-CSRF-Token</c> header) guard the cookie session's state-changing calls (<see cref="SignInGate"/>).
/// </summary>
internal static class SignInSetup
{
    public const string Scheme = "modscope";
    public const string CsrfHeader = "X-CSRF-Token";

    /// <param name="oidc">A team's identity provider, when configured (<see cref="OidcSignIn"/>).</param>
    public static IServiceCollection AddDashboardSignIn(this IServiceCollection services, OidcSettings? oidc)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "ModScope", options => options.ForwardDefaultSelector = context =>
                string.IsNullOrEmpty(context.Request.Headers.Authorization) ? CookieAuthenticationDefaults.AuthenticationScheme : HeaderAuthentication.SchemeName)
            .AddCookie(options =>
            {
                options.Cookie.Name = "modscope-session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                // The gate answers unauthenticated requests itself (401 for the API, a redirect for pages).
                options.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null)
            .AddDashboardOidc(oidc);
        services.AddAuthorization();
        services.AddAntiforgery(options =>
        {
            options.HeaderName = CsrfHeader;
            options.Cookie.Name = "modscope-csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
