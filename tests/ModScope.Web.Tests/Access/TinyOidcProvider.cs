using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ModScope.Web.Tests.Access;

/// <summary>The user the provider signs in at its next authorization: their name and their role and group claims.</summary>
internal sealed record OidcUser(string Name, string[] Roles, string[] Groups);

/// <summary>
/// The smallest OpenID Connect provider the dashboard's handler talks to, on Kestrel at 127.0.0.1: discovery, a JWKS of
/// one RSA key, an authorize endpoint that signs in <see cref="Next"/> at once (no page) and a token endpoint that
/// checks the client secret and the PKCE verifier before it answers an RS256 id_token with the request's nonce.
/// </summary>
internal sealed class TinyOidcProvider : IAsyncDisposable
{
    public const string ClientId = "modscope-test";
    public const string ClientSecret = "oidc-test-secret";

    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string Nonce, string Challenge, OidcUser User)> _codes = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public string Issuer { get; private set; } = "";

    public OidcUser Next { get; set; } = new("nobody", [], []);

    public static async Task<TinyOidcProvider> StartAsync()
    {
        var provider = new TinyOidcProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Issuer,
            ["authorization_endpoint"] = provider.Issuer + "/authorize",
            ["token_endpoint"] = provider.Issuer + "/token",
            ["jwks_uri"] = provider.Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var key = provider._key.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) } } });
        });
        app.MapGet("/authorize", (HttpRequest request) => provider.Authorize(request));
        app.MapPost("/token", async (HttpRequest request) => provider.Token(await request.ReadFormAsync()));
        await app.StartAsync();
        provider._app = app;
        provider.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return provider;
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256")
        {
            return Results.BadRequest("unexpected authorization request");
        }
        var code = Guid.NewGuid().ToString("N");
        _codes[code] = (q["nonce"]!, q["code_challenge"]!, Next);
        return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"]!)}");
    }

    private IResult Token(IFormCollection form)
    {
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"]!, out var grant)
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"]!))) != grant.Challenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }
        var accessToken = Guid.NewGuid().ToString("N");
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "sub-" + grant.User.Name,
                ["preferred_username"] = grant.User.Name,
                ["nonce"] = grant.Nonce,
                ["roles"] = grant.User.Roles,
                ["groups"] = grant.User.Groups,
                // The left half of the access token's SHA-256 (OpenID Connect Core 3.1.3.6).
                ["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _key.Dispose();
    }
}
