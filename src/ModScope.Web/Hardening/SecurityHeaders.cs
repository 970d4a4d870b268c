namespace ModScope.Web.Hardening;

/// <summary>
/// The headers every response carries, set just before it starts (so error pages, static files and refused hosts
/// have them too): a content security policy that runs only the app's own script files (<see cref="Policy"/>),
/// <c>nosniff</c>, no framing by other sites, no referrer sent on, and the page kept out of other origins' windows.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles only from the app's own files, plus the one stylesheet of a report previewed in the reports
    /// page's iframe (the iframe's document inherits this policy; its hash is in <see cref="ReportStyle"/>). Style
    /// attributes are allowed because ECharts writes its tooltips with them; they cannot run script.
    /// </summary>
    public static string Policy { get; } = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        $"style-src 'self' '{ReportStyle.Hash}'",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    public static void Add(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context);
    }
}
