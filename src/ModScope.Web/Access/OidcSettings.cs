using System.Security.Claims;
using ModScope.Query;

namespace ModScope.Web.Access;

/// <summary>
/// Sign-in through a team's identity provider (OpenID Connect, authorization code with PKCE), from
/// <c>ModScope:Oidc:*</c>: the provider's <c>Authority</c> (https; http only on loopback), the <c>ClientId</c>, the client
/// secret from <see cref="SecretSource"/> (<c>MODSCOPE_OIDC_CLIENT_SECRET[_FILE]</c>, never the command line), which
/// claim carries roles (<c>RoleClaim</c>, default <c>roles</c>) and what each value gives (<c>Roles</c>:
/// <c>modscope-viewers=viewer;modscope-admins=admin</c>), and which claim carries scopes (<c>ScopeClaim</c>, default
/// <c>groups</c>) and what each value limits the user to (<c>Scopes</c>: <c>sea-leads=region=SEA;alpha=vendor=Alpha Services</c>).
/// A signed-in user becomes a <see cref="Caller"/> like a user of the users file, so roles and scopes are enforced alike.
/// </summary>
internal sealed record OidcSettings(Uri Authority, string ClientId, string? ClientSecret, string RoleClaim, IReadOnlyDictionary<string, Role> Roles,
    string ScopeClaim, IReadOnlyDictionary<string, AccessScope> Scopes)
{
    public const string Scheme = "oidc";
    public const string SignInPath = "/signin/oidc";
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The claims a user's name is read from, the first present.</summary>
    private static readonly string[] NameClaims = ["preferred_username", "email", "name", "sub"];

    /// <summary>The settings, or null when no authority is configured; a bad setting throws naming its key.</summary>
    public static OidcSettings? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = configuration.GetSection(DashboardOptions.Section);
        var section = root.GetSection("Oidc");
        if (section["Authority"] is not { Length: > 0 } authority)
        {
            return null;
        }
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new InvalidOperationException($"ModScope:Oidc:Authority: '{authority}' is not an https URL (http is accepted on loopback only).");
        }
        var clientId = section["ClientId"] is { Length: > 0 } id ? id : throw new InvalidOperationException("ModScope:Oidc:ClientId is required with ModScope:Oidc:Authority.");
        var roles = Pairs(section, "Roles").ToDictionary(p => p.Key, p => Enum.TryParse<Role>(p.Value, ignoreCase: true, out var role) && role != Role.Anonymous ? role
            : throw new InvalidOperationException($"ModScope:Oidc:Roles: '{p.Value}' (for '{p.Key}') is not a role; expected viewer, analyst or admin."), StringComparer.Ordinal);
        if (roles.Count == 0)
        {
            throw new InvalidOperationException("ModScope:Oidc:Roles is required: each claim value and the role it gives, such as modscope-viewers=viewer;modscope-analysts=analyst.");
        }
        var scopes = Pairs(section, "Scopes").ToDictionary(p => p.Key, p => Scope(p.Key, p.Value), StringComparer.Ordinal);
        return new OidcSettings(uri, clientId, SecretSource.Read(root, "Oidc:ClientSecret", "MODSCOPE_OIDC_CLIENT_SECRET"),
            section["RoleClaim"] is { Length: > 0 } roleClaim ? roleClaim : "roles", roles,
            section["ScopeClaim"] is { Length: > 0 } scopeClaim ? scopeClaim : "groups", scopes);
    }

    /// <summary>
    /// The caller the provider's claims make: the highest role any role claim value gives, the one scope the scope claim's
    /// values give (none: the whole store), named by <c>preferred_username</c>, <c>email</c>, <c>name</c> or <c>sub</c>.
    /// Null with the reason when no value gives a role or the values give more than one scope (which to apply is unclear).
    /// </summary>
    public (Caller? Caller, string? Problem) CallerOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = NameClaims.Select(user.FindFirstValue).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";
        var role = user.FindAll(RoleClaim).Select(c => Roles.TryGetValue(c.Value, out var r) ? r : Role.Anonymous).DefaultIfEmpty(Role.Anonymous).Max();
        if (role == Role.Anonymous)
        {
            return (null, $"'{name}' has no value of claim '{RoleClaim}' that ModScope:Oidc:Roles gives a role");
        }
        var scopes = user.FindAll(ScopeClaim).Where(c => Scopes.ContainsKey(c.Value)).Select(c => Scopes[c.Value]).DistinctBy(s => s.Text).ToList();
        if (scopes.Count > 1)
        {
            return (null, $"'{name}' has values of claim '{ScopeClaim}' that give {scopes.Count} scopes ({string.Join("; ", scopes.Select(s => s.Text))}); give the user one");
        }
        return (new Caller(name, role, scopes.SingleOrDefault() ?? AccessScope.Everything), null);
    }

    private static AccessScope Scope(string claim, string text)
    {
        try
        {
            return AccessScope.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"ModScope:Oidc:Scopes: '{claim}': {ex.Message}", ex);
        }
    }

    // name=value pairs separated by ';' (the value may hold '=' and '&', as a scope does).
    private static IEnumerable<KeyValuePair<string, string>> Pairs(IConfigurationSection section, string key)
    {
        foreach (var item in (section[key] ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || parts[0].Length == 0)
            {
                throw new InvalidOperationException($"ModScope:Oidc:{key}: '{item}' is not claim-value=setting.");
            }
            yield return new(parts[0], parts[1]);
        }
    }
}
