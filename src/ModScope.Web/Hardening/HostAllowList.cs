namespace ModScope.Web.Hardening;

/// <summary>
/// The host names the dashboard answers (ASP.NET Core's host filtering; others get 400): the loopback names, the
/// hosts of the URLs it was told to listen on (not wildcards), and <c>ModScope:AllowedHosts</c> (<c>;</c>-separated;
/// <c>*</c> turns the check off). A page on another site whose name is rebound to 127.0.0.1 (DNS rebinding) sends
/// its own name as Host, and is refused.
/// </summary>
internal static class HostAllowList
{
    public static readonly IReadOnlyList<string> Loopback = ["localhost", "127.0.0.1", "[::1]"];

    private static readonly string[] Wildcards = ["*", "+", "0.0.0.0", "[::]"];

    public static List<string> For(string? configured, string? urls)
    {
        var hosts = new List<string>(Loopback);
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                && uri.Host != "wildcard" && !Wildcards.Contains(uri.Host, StringComparer.Ordinal))
            {
                hosts.Add(uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost.Trim('[', ']')}]" : uri.IdnHost);
            }
        }
        hosts.AddRange((configured ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>True when the listening addresses reach beyond loopback but no host name beyond loopback is allowed.</summary>
    public static bool OnlyLoopbackWhileListeningWide(IReadOnlyList<string> allowed, IEnumerable<string> listening) =>
        allowed.All(h => Loopback.Contains(h, StringComparer.OrdinalIgnoreCase))
        && listening.Any(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsLoopback);
}
