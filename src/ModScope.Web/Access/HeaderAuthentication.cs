using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ModScope.Web.Access;

/// <summary>
/// ASP.NET Core authentication from the <c>Authorization</c> header (<c>Basic</c> user:password, <c>Bearer</c> analyst
/// token) for API clients; the browser signs in once and carries a cookie session instead (<see cref="SignInSetup"/>).
/// No header is no result; a wrong one fails (the caller is then treated as not signed in).
/// </summary>
internal sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessPolicy policy)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "header";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        return Task.FromResult(policy.Authenticate(header) is { } caller
            ? AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName))
            : AuthenticateResult.Fail("The Authorization header names no user or token this dashboard knows."));
    }
}
