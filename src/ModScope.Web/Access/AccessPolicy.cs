using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using ModScope.Query;

namespace ModScope.Web.Access;

/// <summary>
/// Who may sign in: the users (<see cref="UsersList"/>) and the analyst token, from <see cref="SecretSource"/>
/// (environment or a file, never the command line). Checks a name and password (the sign-in form, basic auth) or an
/// <c>Authorization</c> header. An unknown user name costs the same PBKDF2 work as a known one, so the time of a
/// refusal does not tell which names exist; repeated failures lock a name out (<see cref="SignInLockout"/>). A basic
/// auth header that verified is remembered (by its SHA-256) for <see cref="VerifiedFor"/>, so an API client does not
/// pay the PBKDF2 work on every request.
/// </summary>
internal sealed class AccessPolicy
{
    public static readonly TimeSpan VerifiedFor = TimeSpan.FromMinutes(5);

    /// <summary>The hash an unknown user's password is checked against: same scheme and work factor as a real one.</summary>
    private static readonly Lazy<string> Decoy = new(() => PasswordHash.Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18))));

    private readonly byte[]? _tokenHash;
    private readonly Dictionary<string, UserEntry> _users;
    private readonly SignInLockout _lockout;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Until)> _verified = new(StringComparer.Ordinal);

    public AccessPolicy(IConfiguration configuration, ILogger<AccessPolicy> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _time = time ?? TimeProvider.System;
        _lockout = new SignInLockout(_time);
        var section = configuration.GetSection(DashboardOptions.Section);
        var token = SecretSource.Read(section, "AnalystToken", "MODSCOPE_ANALYST_TOKEN");
        _tokenHash = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var users = SecretSource.Read(section, "Users", "MODSCOPE_USERS") ?? "";
        UsersDigest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(users)));
        _users = UsersList.Parse(users, "ModScope:Users").ToDictionary(u => u.Name, StringComparer.Ordinal);
        HasOidc = OidcSettings.Read(configuration) is not null;
        foreach (var user in _users.Values)
        {
            _ = PasswordHash.IsWellFormed(user.Hash, out var iterations);
            if (iterations < PasswordHash.Iterations)
            {
                UsersToRehash.Add(user.Name);
                logger.LogWarning("User '{User}' has a password hash of {Old} PBKDF2 iterations, fewer than {Current}: it still works; make a new one with 'modscope serve --hash-password' and replace it.",
                    user.Name, iterations.ToString("N0", CultureInfo.InvariantCulture), PasswordHash.Iterations.ToString("N0", CultureInfo.InvariantCulture));
            }
        }
        if (_users.Count > 0)
        {
            // Made now, so the first unknown name is not told apart by the time the decoy takes to make.
            _ = Decoy.Value;
        }
    }

    /// <summary>True when users are configured (a users list or an identity provider): then every page and call needs a signed-in user.</summary>
    public bool HasUsers => _users.Count > 0 || HasOidc;

    /// <summary>True when a team's identity provider signs users in (OpenID Connect, <see cref="OidcSettings"/>).</summary>
    public bool HasOidc { get; }

    /// <summary>The configured users (without their hashes' use: for the admin's list).</summary>
    public IEnumerable<UserEntry> Users => _users.Values.OrderBy(u => u.Name, StringComparer.Ordinal);

    /// <summary>SHA-256 (hex) of the users list as read at start (file or setting), so the audit log tells one list from another.</summary>
    public string UsersDigest { get; }

    /// <summary>True when an analyst token is configured.</summary>
    public bool HasToken => _tokenHash is not null;

    /// <summary>True when no analyst can sign in at all (the dashboard is then read-only for everyone).</summary>
    public bool ReadOnly => _tokenHash is null && !_users.Values.Any(u => u.Role >= Role.Analyst);

    /// <summary>Users whose stored hash is below today's work factor (flagged at start; they still sign in).</summary>
    public List<string> UsersToRehash { get; } = [];

    /// <summary>The user a name and password sign in as, or null (wrong password, unknown name, or locked out).</summary>
    public Caller? SignIn(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        var known = _users.TryGetValue(name, out var user);
        var verified = PasswordHash.Verify(password, known ? user!.Hash : Decoy.Value) != PasswordVerificationResult.Failed && known;
        if (_lockout.IsLocked(name) || !verified)
        {
            _lockout.Failed(name);
            return null;
        }
        _lockout.Succeeded(name);
        return new Caller(user!.Name, user.Role, user.Scope);
    }

    /// <summary>The caller an <c>Authorization</c> header (<c>Bearer TOKEN</c> or <c>Basic</c>) names, or null.</summary>
    public Caller? Authenticate(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return null;
        }
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var given = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[7..].Trim()));
            return _tokenHash is not null && CryptographicOperations.FixedTimeEquals(given, _tokenHash)
                ? new Caller("analyst", Role.Analyst, AccessScope.Everything) : null;
        }
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)));
        var now = _time.GetUtcNow();
        if (_verified.TryGetValue(key, out var seen) && seen.Until > now)
        {
            return seen.Caller;
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var caller = colon > 0 ? SignIn(decoded[..colon], decoded[(colon + 1)..]) : null;
        if (caller is not null)
        {
            _verified[key] = (caller, now + VerifiedFor);
        }
        return caller;
    }
}
