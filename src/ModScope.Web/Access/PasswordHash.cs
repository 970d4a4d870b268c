using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace ModScope.Web.Access;

/// <summary>
/// Salted PBKDF2-HMAC-SHA256 password hashes, written <c>pbkdf2$ITERATIONS$SALT$HASH</c> (base64), compared in constant
/// time. New hashes take <see cref="Iterations"/> (OWASP's Password Storage Cheat Sheet, 2023: 600,000 for
/// PBKDF2-HMAC-SHA256); a hash made with fewer still verifies, as <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>.
/// </summary>
public static class PasswordHash
{
    public const int Iterations = 600_000;

    /// <summary>More than this is refused as a configuration mistake: one check would take minutes.</summary>
    public const int MaxIterations = 10_000_000;

    private const string Scheme = "pbkdf2";

    public static string Create(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public static PasswordVerificationResult Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(stored, out var iterations, out var salt, out var expected))
        {
            return PasswordVerificationResult.Failed;
        }
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return !CryptographicOperations.FixedTimeEquals(actual, expected) ? PasswordVerificationResult.Failed
            : iterations < Iterations ? PasswordVerificationResult.SuccessRehashNeeded
            : PasswordVerificationResult.Success;
    }

    /// <summary>True when <paramref name="stored"/> is a hash this class can check; <paramref name="iterations"/> is its work factor.</summary>
    public static bool IsWellFormed(string? stored, out int iterations) => TryParse(stored, out iterations, out _, out _);

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        (iterations, salt, hash) = (0, [], []);
        var parts = stored?.Split('$') ?? [];
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations is < 1 or > MaxIterations)
        {
            return false;
        }
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        return salt.Length > 0 && hash.Length > 0;
    }
}
