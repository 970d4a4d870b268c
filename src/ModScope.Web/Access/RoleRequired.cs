namespace ModScope.Web.Access;

/// <summary>
/// Endpoint filter: the endpoint for a caller of at least <paramref name="minimum"/>, 403 for a signed-in caller below
/// it, 401 for nobody. With <paramref name="local"/>, the single-user loopback dashboard (no users configured) may too.
/// </summary>
internal sealed class RoleRequired(Role minimum, bool local) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var caller = Caller.Of(context.HttpContext);
        if (caller.Role >= minimum || (local && ReferenceEquals(caller, Caller.Local)))
        {
            return await next(context).ConfigureAwait(false);
        }
        var readOnly = context.HttpContext.RequestServices.GetRequiredService<AccessPolicy>().ReadOnly;
        return caller.Role == Role.Anonymous
            ? Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: readOnly
                    ? "No analyst is configured (modscope serve --analyst-token, or MODSCOPE_ANALYST_TOKEN); the dashboard is read-only."
                    : $"This needs the {minimum.ToString().ToLowerInvariant()} role: sign in, or send 'Authorization: Bearer TOKEN' or basic auth of such a user.")
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"This needs the {minimum.ToString().ToLowerInvariant()} role; '{caller.Name}' is a {caller.Role.ToString().ToLowerInvariant()}.");
    }
}
