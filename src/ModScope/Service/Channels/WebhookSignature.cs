using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ModScope.Service.Channels;

/// <summary>
/// The signature a webhook receiver checks: header <see cref="Header"/> = <c>t=UNIX_SECONDS,v1=HEX</c>, where HEX is
/// HMAC-SHA256 under the channel's secret of <c>UNIX_SECONDS + "." + body</c> (the scheme Stripe and Slack use: the
/// timestamp is signed with the body, so a receiver can refuse a replay older than a few minutes).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-ModScope-Signature";

    /// <summary>The header's value for <paramref name="body"/> sent at <paramref name="at"/>.</summary>
    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var seconds = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={seconds},v1={Hex(secret, seconds, body)}";
    }

    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/> under <paramref name="secret"/> (compared in constant time).</summary>
    public static bool Verify(string secret, string header, string body)
    {
        ArgumentNullException.ThrowIfNull(header);
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("t", out var seconds) || !parts.TryGetValue("v1", out var given))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hex(secret, seconds, body)), Encoding.ASCII.GetBytes(given));
    }

    private static string Hex(string secret, string seconds, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(seconds + "." + body)));
}
