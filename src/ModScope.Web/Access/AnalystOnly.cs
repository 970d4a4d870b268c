namespace ModScope.Web.Access;

/// <summary>Endpoint filter: 401 for an unknown caller, 403 for a viewer, the endpoint for an analyst.</summary>
internal sealed class AnalystOnly(AccessPolicy policy) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return policy.RoleOf(context.HttpContext.Request.Headers.Authorization.ToString()) switch
        {
            Role.Analyst => await next(context).ConfigureAwait(false),
            Role.Viewer => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Changing an alert needs the analyst role; this user is a viewer."),
            _ => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: policy.ReadOnly
                    ? "No analyst is configured (modscope serve --analyst-token, or MODSCOPE_ANALYST_TOKEN); the dashboard is read-only."
                    : "Changing an alert needs the analyst role: send 'Authorization: Bearer TOKEN' or basic auth of an analyst user."),
        };
    }
}
