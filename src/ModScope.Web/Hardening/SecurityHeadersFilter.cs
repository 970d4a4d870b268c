namespace ModScope.Web.Hardening;

/// <summary>
/// Puts <see cref="SecurityHeaders"/> first in the pipeline, ahead of what the host adds itself (host filtering), so
/// even a refused host's 400 carries them. Registered first among the startup filters.
/// </summary>
internal sealed class SecurityHeadersFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            SecurityHeaders.Add(context);
            return nextMiddleware(context);
        });
        next(app);
    };
}
