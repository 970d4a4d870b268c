using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace ModScope.Web.Access;

/// <summary>
/// Who the caller is, from the <c>Authorization</c> header: <c>Bearer TOKEN</c> (the analyst token) or <c>Basic</c>
/// user:password checked against the users' hashes. No header, or a wrong one, is anonymous. The token and the users
/// come from <see cref="SecretSource"/> (environment or a file, never the command line). An unknown user name costs
/// the same PBKDF2 work as a known one, so the time of a refusal does not tell which names exist.
/// </summary>
internal sealed class AccessPolicy
{
    /// <summary>The hash an unknown user's password is checked against: same scheme and work factor as a real one.</summary>
    private static readonly Lazy<string> Decoy = new(() => PasswordHash.Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18))));

    private readonly byte[]? _tokenHash;
    private readonly Dictionary<string, (Role Role, string Hash)> _users = new(StringComparer.Ordinal);

    public AccessPolicy(IConfiguration configuration, ILogger<AccessPolicy> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DashboardOptions.Section);
        var token = SecretSource.Read(section, "AnalystToken", "MODSCOPE_ANALYST_TOKEN");
        _tokenHash = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var users = SecretSource.Read(section, "Users", "MODSCOPE_USERS") ?? "";
        foreach (var entry in users.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(e => !e.StartsWith('#')))
        {
            var parts = entry.Split(':', 3);
            if (parts.Length != 3 || !Enum.TryParse<Role>(parts[1], ignoreCase: true, out var role) || role == Role.Anonymous)
            {
                throw new InvalidOperationException($"ModScope:Users entry '{parts[0]}' must be name:role:hash with role viewer or analyst.");
            }
            if (!PasswordHash.IsWellFormed(parts[2], out var iterations))
            {
                throw new InvalidOperationException($"ModScope:Users entry '{parts[0]}': the hash is not pbkdf2$ITERATIONS$SALT$HASH; make one with 'modscope serve --hash-password'.");
            }
            _users[parts[0]] = (role, parts[2]);
            if (iterations < PasswordHash.Iterations)
            {
                UsersToRehash.Add(parts[0]);
                logger.LogWarning("User '{User}' has a password hash of {Old} PBKDF2 iterations, fewer than {Current}: it still works; make a new one with 'modscope serve --hash-password' and replace it.",
                    parts[0], iterations.ToString("N0", CultureInfo.InvariantCulture), PasswordHash.Iterations.ToString("N0", CultureInfo.InvariantCulture));
            }
        }
        if (_users.Count > 0)
        {
            // Made now, so the first unknown name is not told apart by the time the decoy takes to make.
            _ = Decoy.Value;
        }
    }

    /// <summary>True when no analyst can sign in at all (the dashboard is then read-only for everyone).</summary>
    public bool ReadOnly => _tokenHash is null && !_users.Values.Any(u => u.Role == Role.Analyst);

    /// <summary>Users whose stored hash is below today's work factor (flagged at start; they still sign in).</summary>
    public List<string> UsersToRehash { get; } = [];

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
            var (name, password) = colon > 0 ? (decoded[..colon], decoded[(colon + 1)..]) : ("", decoded);
            if (_users.TryGetValue(name, out var user))
            {
                return PasswordHash.Verify(password, user.Hash) == PasswordVerificationResult.Failed ? Role.Anonymous : user.Role;
            }
            if (_users.Count > 0)
            {
                _ = PasswordHash.Verify(password, Decoy.Value);
            }
        }
        return Role.Anonymous;
    }
}
