using System.Globalization;
using System.Security.Cryptography;
using ModScope.Auditing;
using ModScope.Service;

namespace ModScope.Web.Access;

/// <summary>
/// The configuration a server started with, as <c>configure</c> rows of the audit log (user <see cref="User"/>, role <see cref="Role"/>,
/// method <see cref="Method"/>): the users (names, roles, scopes and the SHA-256 of the list, never a hash of a password), the
/// service configuration file (<c>modscope.yaml</c>, its path and SHA-256), the catalogue, the engine, the allowed
/// hosts, the limits, whether an analyst token and a pseudonym key are set (never their values), and the identity provider. None of these
/// changes while the server runs (each is read once at start), so a change of configuration shows as a start whose
/// rows differ from the start before.
/// </summary>
internal static class ConfigurationRecord
{
    public const string User = "modscope";
    public const string Method = "START";
    public const string Role = "system";

    public static IReadOnlyList<AuditEntry> Of(AccessPolicy access, IConfiguration configuration, ServiceConfig? service, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DashboardOptions.Section);
        var users = string.Join("; ", access.Users.Select(u => $"{u.Name} {u.Role.ToString().ToLowerInvariant()}{(u.Scope.IsLimited ? " " + u.Scope.Text : "")}"));
        var catalog = section["Catalog"] is { Length: > 0 } path ? $"{path} sha256:{Digest(path)}" : "shipped or ./catalog/core-index.yaml";
        string[] lines =
        [
            $"users: {access.Users.Count()} sha256:{access.UsersDigest} ({users})",
            service is null ? "service: none (no modscope.yaml)" : $"service: {service.File} sha256:{Digest(service.File)}",
            $"catalog: {catalog}",
            $"engine: {section["Engine"] ?? "duckdb"}; store: {section["Store"]}",
            $"allowed hosts: {section["AllowedHosts"] ?? "loopback"}; {DashboardLimits.Read(configuration)}",
            string.Create(CultureInfo.InvariantCulture, $"analyst token: {(access.HasToken ? "set" : "none")}; pseudonym key: {(Configured(section, "PseudonymKey", "MODSCOPE_PSEUDONYM_KEY") ? "set" : "random per start")}; openid connect: {Oidc(OidcSettings.Read(configuration))}"),
        ];
        return lines.Select(l => new AuditEntry(at, User, Role, "configure", Method, l, 0)).ToList();
    }

    // The provider and the claim mappings, whether a client secret is set (never its value).
    private static string Oidc(OidcSettings? oidc) => oidc is null ? "none"
        : $"{oidc.Authority} client {oidc.ClientId}, secret {(oidc.ClientSecret is null ? "none" : "set")}, roles by claim {oidc.RoleClaim} " +
          $"({string.Join(", ", oidc.Roles.Select(r => $"{r.Key}={r.Value.ToString().ToLowerInvariant()}"))}), scopes by claim {oidc.ScopeClaim} " +
          $"({string.Join(", ", oidc.Scopes.Select(s => $"{s.Key}={s.Value.Text}"))})";

    private static bool Configured(IConfigurationSection section, string key, string variable) =>
        !string.IsNullOrEmpty(section[key]) || !string.IsNullOrEmpty(section[key + "File"])
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable + "_FILE"));

    /// <summary>SHA-256 (hex) of a file's bytes, or "unreadable: why".</summary>
    private static string Digest(string path)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"unreadable ({ex.Message})";
        }
    }
}
