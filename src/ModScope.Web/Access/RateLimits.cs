using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ModScope.Web.Access;

/// <summary>
/// ASP.NET Core's rate limiter, per client (remote address): requests that bring credentials to an endpoint marked
/// <see cref="ChecksCredentials{TBuilder}"/> get <see cref="DashboardLimits.AuthenticationPermits"/> per window
/// (so passwords cannot be guessed at speed; then 429 with Retry-After), and endpoints marked
/// <see cref="Expensive{TBuilder}"/> run <see cref="DashboardLimits.ExpensiveConcurrency"/> at once with a short
/// queue (so one client cannot occupy the cores). Behind a reverse proxy every client shares the proxy's address.
/// </summary>
internal static class RateLimits
{
    public const string ExpensivePolicy = "expensive";

    /// <summary>Marks an endpoint that checks credentials (the role-limited endpoints, sign-in): a request with an <c>Authorization</c> header (or the sign-in's POST) counts.</summary>
    public static TBuilder ChecksCredentials<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(CredentialCheck.Instance);

    /// <summary>An endpoint only analysts (and admins) may use: 401/403 otherwise, and its credentials rate-limited.</summary>
    public static TBuilder RequireAnalyst<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ChecksCredentials().AddEndpointFilter(new RoleRequired(Role.Analyst, local: false));

    /// <summary>An endpoint for analysts and admins, and for the single-user loopback dashboard (reports, exports).</summary>
    public static TBuilder RequireAnalystOrLocal<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ChecksCredentials().AddEndpointFilter(new RoleRequired(Role.Analyst, local: true));

    /// <summary>An endpoint only admins may use (users, the audit log).</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ChecksCredentials().AddEndpointFilter(new RoleRequired(Role.Admin, local: false));

    public static TBuilder Expensive<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(ExpensivePolicy);

    public static IServiceCollection AddDashboardRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var limits = DashboardLimits.Read(configuration);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Authentication(context, limits));
            options.AddPolicy(ExpensivePolicy, context => RateLimitPartition.GetConcurrencyLimiter(Client(context), _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.ExpensiveConcurrency,
                QueueLimit = limits.ExpensiveQueue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
            options.OnRejected = (rejected, cancellationToken) => Reject(rejected, limits, cancellationToken);
        });
        return services;
    }

    /// <summary>The window of credential checks of the caller, or no limit for a request that brings none or goes where none are read.</summary>
    public static RateLimitPartition<string> Authentication(HttpContext context, DashboardLimits limits)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        // The sign-in's POST brings its credentials in the body.
        return context.GetEndpoint()?.Metadata.GetMetadata<CredentialCheck>() is null
            || (string.IsNullOrEmpty(context.Request.Headers.Authorization) && !context.Request.Path.Equals("/api/session/signin", StringComparison.OrdinalIgnoreCase))
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter("credentials " + Client(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.AuthenticationPermits,
                Window = TimeSpan.FromSeconds(limits.AuthenticationWindowSeconds),
                QueueLimit = 0,
            });
    }

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>A 429 problem saying which limit was reached; a window's refusal says when to come back.</summary>
    private static async ValueTask Reject(OnRejectedContext rejected, DashboardLimits limits, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        string detail;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail = string.Create(CultureInfo.InvariantCulture,
                $"Too many sign-in attempts from this client: at most {limits.AuthenticationPermits} every {limits.AuthenticationWindowSeconds} s. Try again in {seconds} s.");
        }
        else
        {
            response.Headers.RetryAfter = "1";
            detail = string.Create(CultureInfo.InvariantCulture,
                $"Too many expensive requests at once from this client: at most {limits.ExpensiveConcurrency} running and {limits.ExpensiveQueue} waiting. Try again shortly.");
        }
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail)
            .ExecuteAsync(rejected.HttpContext).ConfigureAwait(false);
    }

    /// <summary>Endpoint metadata: this endpoint checks the caller's credentials.</summary>
    private sealed class CredentialCheck
    {
        public static readonly CredentialCheck Instance = new();
    }
}
