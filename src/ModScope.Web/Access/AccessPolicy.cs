using System.Security.Cryptography;
using System.Text;

namespace ModScope.Web.Access;

/// <summary>
/// Who the caller is, from the <c>Authorization</c> header: <c>Bearer TOKEN</c> (the configured analyst token) or
/// <c>Basic</c> user:password checked against the configured users' hashes. No header, or a wrong one, is anonymous.
/// </summary>
internal sealed class AccessPolicy
{
    private readonly byte[]? _tokenHash;
    private readonly Dictionary<string, (Role Role, string Hash)> _users = new(StringComparer.Ordinal);

    public AccessPolicy(IConfiguration configuration)
    {
        var section = configuration.GetSection(DashboardOptions.Section);
        var token = section["AnalystToken"] ?? Environment.GetEnvironmentVariable("MODSCOPE_ANALYST_TOKEN");
        _tokenHash = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var users = section["Users"] ?? Environment.GetEnvironmentVariable("MODSCOPE_USERS") ?? "";
        foreach (var entry in users.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(':', 3);
            if (parts.Length != 3 || !Enum.TryParse<Role>(parts[1], ignoreCase: true, out var role) || role == Role.Anonymous)
            {
                throw new InvalidOperationException($"ModScope:Users entry '{parts[0]}' must be name:role:hash with role viewer or analyst.");
            }
            _users[parts[0]] = (role, parts[2]);
        }
    }

    /// <summary>True when no analyst can sign in at all (the dashboard is then read-only for everyone).</summary>
    public bool ReadOnly => _tokenHash is null && !_users.Values.Any(u => u.Role == Role.Analyst);

    public Role RoleOf(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return Role.Anonymous;
        }
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && _tokenHash is not null)
        {
            var given = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[7..].Trim()));
            return CryptographicOperations.FixedTimeEquals(given, _tokenHash) ? Role.Analyst : Role.Anonymous;
        }
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            }
            catch (FormatException)
            {
                return Role.Anonymous;
            }
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && _users.TryGetValue(decoded[..colon], out var user) && PasswordHash.Verify(decoded[(colon + 1)..], user.Hash))
            {
                return user.Role;
            }
        }
        return Role.Anonymous;
    }
}
