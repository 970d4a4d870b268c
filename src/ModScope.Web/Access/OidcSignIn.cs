using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ModScope.Auditing;

namespace ModScope.Web.Access;

/// <summary>
/// ASP.NET Core's OpenID Connect handler for <see cref="OidcSettings"/>: <c>GET /signin/oidc?return=/path</c> sends the
/// browser to the provider (authorization code with PKCE), which returns it to <c>/signin-oidc</c>; the provider's claims
/// become a <see cref="Caller"/> in the same cookie session as a password sign-in. A user whose claims give no role (or
/// several scopes) is refused and sent back to <c>/signin?error=oidc</c>. Both outcomes are written to the audit log
/// here: the handler answers the callback itself, before the audit middleware.
/// </summary>
internal static class OidcSignIn
{
    public static AuthenticationBuilder AddDashboardOidc(this AuthenticationBuilder builder, OidcSettings? settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (settings is null)
        {
            return builder;
        }
        return builder.AddOpenIdConnect(OidcSettings.Scheme, "OpenID Connect", options =>
        {
            options.Authority = settings.Authority.ToString();
            options.RequireHttpsMetadata = settings.Authority.Scheme == Uri.UriSchemeHttps;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.CallbackPath = OidcSettings.CallbackPath;
            options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.Events.OnTokenValidated = context =>
            {
                var (caller, problem) = settings.CallerOf(context.Principal!);
                if (caller is null)
                {
                    context.Fail(problem!);
                    return Task.CompletedTask;
                }
                context.Principal = caller.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme);
                Audit(context.HttpContext, caller, StatusCodes.Status302Found);
                return Task.CompletedTask;
            };
            options.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILogger<OidcSettings>>()
                    .LogWarning("OpenID Connect sign-in refused: {Reason}", context.Failure?.Message);
                Audit(context.HttpContext, Caller.Anonymous, StatusCodes.Status403Forbidden);
                context.Response.Redirect("/signin?error=oidc");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>Maps <c>GET /signin/oidc</c>: the challenge, returning to a path of this site only.</summary>
    public static void MapOidcSignIn(this WebApplication app, OidcSettings? settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (settings is null)
        {
            return;
        }
        app.MapGet(OidcSettings.SignInPath, (string? @return) =>
        {
            var target = @return is { Length: > 0 } path && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal) ? path : "/";
            return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [OidcSettings.Scheme]);
        }).ExcludeFromDescription();
    }

    private static void Audit(HttpContext http, Caller caller, int status) =>
        http.RequestServices.GetRequiredService<AuditWriter>().Add(new AuditEntry(DateTime.UtcNow, caller.Name, caller.Role.ToString().ToLowerInvariant(),
            "sign-in", http.Request.Method, OidcSettings.CallbackPath, status));
}
