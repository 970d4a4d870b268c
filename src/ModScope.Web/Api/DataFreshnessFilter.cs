namespace ModScope.Web.Api;

/// <summary>
/// Before an endpoint that reads the dashboard runs, reads what the data looks like now (<see cref="Dashboard.RefreshAsync"/>:
/// newest day, data version) asynchronously, so the endpoint's synchronous reads of "now" never block on the engine.
/// Endpoints that take no <see cref="Dashboard"/> (labels) do not open the store.
/// </summary>
internal sealed class DataFreshnessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Arguments.OfType<Dashboard>().FirstOrDefault() is { } dashboard)
        {
            await dashboard.RefreshAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        return await next(context).ConfigureAwait(false);
    }
}
