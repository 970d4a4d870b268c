using ModScope.Auditing;

namespace ModScope.Web.Access;

/// <summary>
/// Middleware after sign-in: queues an audit row for each page and API request once it is answered (who, role, the
/// kind of action, method, path and query, status). Exports and reports are <c>export</c>, other state-changing calls
/// <c>change</c>, the session's calls <c>sign-in</c>/<c>sign-out</c>, the rest <c>view</c>. Files (script, style,
/// charts' library) and the UI labels are not audited.
/// </summary>
internal sealed class AuditRecorder(RequestDelegate next, AuditWriter writer)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var path = context.Request.Path.Value ?? "/";
            if (Action(context.Request.Method, path) is { } action)
            {
                var caller = Caller.Of(context);
                writer.Add(new AuditEntry(DateTime.UtcNow, caller.Name, caller.Role.ToString().ToLowerInvariant(), action, context.Request.Method,
                    path + context.Request.QueryString, context.Response.StatusCode));
            }
        }
    }

    public static string? Action(string method, string path)
    {
        if (path.StartsWith("/css/", StringComparison.Ordinal) || path.StartsWith("/js/", StringComparison.Ordinal)
            || path.StartsWith("/lib/", StringComparison.Ordinal) || path == "/api/labels" || path == "/favicon.ico")
        {
            return null;
        }
        return path switch
        {
            "/api/session/signin" => "sign-in",
            "/api/session/signout" => "sign-out",
            _ when path.StartsWith("/api/export", StringComparison.Ordinal) || path == "/api/report" => "export",
            _ when !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) => "change",
            _ => "view",
        };
    }
}
