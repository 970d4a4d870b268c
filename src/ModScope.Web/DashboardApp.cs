using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.FileProviders;
using ModScope.Web.Access;
using ModScope.Web.Api;
using ModScope.Web.Forwarding;
using ModScope.Web.Hardening;

namespace ModScope.Web;

/// <summary>
/// The dashboard as an ASP.NET Core app: the JSON API under <c>/api</c> (OpenAPI at <c>/openapi</c>) and the pages,
/// embedded in this assembly so the app runs from any folder and fully offline. Binds to
/// <see cref="DashboardOptions.DefaultUrl"/> unless told otherwise. Every response carries
/// <see cref="SecurityHeaders"/>; only allowed host names are answered (<see cref="HostAllowList"/>); credentials
/// and expensive endpoints are rate-limited per client (<see cref="RateLimits"/>). With users configured every page and
/// call needs a signed-in user (<see cref="SignInGate"/>); each caller sees only their scope.
/// </summary>
public static class DashboardApp
{
    /// <summary>The pages and the embedded file each serves.</summary>
    private static readonly IReadOnlyDictionary<string, string> Pages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/"] = "index.html",
        ["/explorer"] = "explorer.html",
        ["/alerts"] = "alerts.html",
        ["/health"] = "health.html",
        ["/reports"] = "reports.html",
        ["/plan"] = "plan.html",
        ["/deliveries"] = "deliveries.html",
        ["/signin"] = "signin.html",
        ["/audit"] = "audit.html",
    };

    /// <summary>Builds the app from command-line style <paramref name="args"/> (<c>--ModScope:Store=FILE</c>, <c>--urls</c>) and <paramref name="options"/>.</summary>
    public static WebApplication Build(string[] args, DashboardOptions? options = null, IEnumerable<string>? urls = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (options is not null)
        {
            builder.Configuration.AddInMemoryCollection(options.ToSettings());
        }
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        var urlList = urls?.ToList() is { Count: > 0 } given ? given : null;
        if (urlList is not null || string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls([.. urlList ?? [DashboardOptions.DefaultUrl]]);
        }
        // First of the startup filters, so the headers are on every response, host filtering's refusals included.
        builder.Services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, SecurityHeadersFilter>());
        builder.Services.AddOptions<HostFilteringOptions>().Configure<IConfiguration>((hosts, configuration) =>
            hosts.AllowedHosts = HostAllowList.For(configuration[$"{DashboardOptions.Section}:AllowedHosts"], configuration["urls"]));
        builder.Services.AddDashboardRateLimits();
        builder.Services.AddSingleton<Dashboard>();
        builder.Services.AddSingleton<AccessPolicy>();
        builder.Services.AddSingleton<Api.Plan.PlanCache>();
        if (options?.Commands is { } commands)
        {
            builder.Services.AddSingleton(new CommandForwarding(commands));
            if (options.Service is { } service)
            {
                builder.Services.AddSingleton(service);
                builder.Services.AddSingleton(TimeProvider.System);
                builder.Services.AddHostedService<Service.ServiceWorker>();
            }
        }
        var oidc = OidcSettings.Read(builder.Configuration);
        builder.Services.AddDashboardSignIn(oidc);
        builder.Services.AddSingleton<AuditWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AuditWriter>());
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ModScope dashboard API";
            document.Info.Description = "Metric requests (as 'modscope query'), the overview, alerts, data health and business-review reports. Bad parameters give 400 problem details naming the parameter, with the reason's facts beside the English detail: kind (unknown-value, bad-format, out-of-range, not-allowed, missing, too-large), value as sent, subject (what it should name) and, where known, accepted.";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });

        var app = builder.Build();
        if (options?.Service is { } configured)
        {
            app.Services.GetRequiredService<Dashboard>().Owners = configured.Owners;
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<SignInGate>();
        app.UseMiddleware<AuditRecorder>();
        var files = new EmbeddedFileProvider(typeof(DashboardApp).Assembly, "ModScope.Web.wwwroot");
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        foreach (var (route, file) in Pages)
        {
            app.MapGet(route, () => Results.Stream(files.GetFileInfo(file).CreateReadStream(), "text/html; charset=utf-8")).ExcludeFromDescription();
        }
        app.MapOidcSignIn(oidc);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/openapi", () => Results.Redirect("/openapi/v1.json")).ExcludeFromDescription();

        var api = app.MapGroup("/api").AddEndpointFilter<ProblemFilter>().AddEndpointFilter<DataFreshnessFilter>();
        SessionEndpoints.Map(api);
        CatalogEndpoints.Map(api);
        QueryEndpoints.Map(api);
        OverviewEndpoints.Map(api);
        AlertEndpoints.Map(api);
        AlertCommentEndpoints.Map(api);
        HealthEndpoints.Map(api);
        ReportEndpoints.Map(api);
        Api.Plan.PlanEndpoints.Map(api);
        if (options?.Commands is not null)
        {
            CommandEndpoints.Map(app);
        }
        AuditEndpoints.Map(api);
        DeliveryEndpoints.Map(api);
        return app;
    }

    /// <summary>Fills the result cache with the default overview in the background; a failure there only costs speed.</summary>
    private static async Task WarmAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            var dashboard = app.Services.GetRequiredService<Dashboard>();
            await dashboard.RefreshAsync(cancellationToken).ConfigureAwait(false);
            await OverviewEndpoints.WarmAsync(dashboard, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Warming is best effort: the first request computes what warming did not.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            app.Logger.LogWarning(ex, "Warming the overview failed; it is computed on first request instead.");
        }
    }

    /// <summary>Serves <paramref name="options"/> on <paramref name="urls"/> until cancelled.</summary>
    public static async Task RunAsync(DashboardOptions options, IEnumerable<string> urls, Action<ServerStarted>? started = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var app = Build([], options, urls);
        // Open the store before listening, so a bad path fails now rather than on the first request.
        var dashboard = app.Services.GetRequiredService<Dashboard>();
        var access = app.Services.GetRequiredService<AccessPolicy>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        started?.Invoke(new ServerStarted(dashboard.Store.Path, [.. app.Urls], access.Users.Count()));
        var allowed = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostFilteringOptions>>().Value.AllowedHosts.ToList();
        if (HostAllowList.OnlyLoopbackWhileListeningWide(allowed, app.Urls))
        {
            app.Logger.LogWarning("Listening beyond loopback, but only requests for {Hosts} are answered: name the host people open (modscope serve --allowed-hosts NAME).",
                string.Join(", ", allowed));
        }
        if (access.HasUsers)
        {
            if (app.Logger.IsEnabled(LogLevel.Warning))
            {
                app.Logger.LogWarning("Sign-in required for every page and call: {Users}.",
                    string.Join(", ", access.Users.Select(u => $"{u.Name} ({u.Role.ToString().ToLowerInvariant()}{(u.Scope.IsLimited ? ", " + u.Scope.Text : "")})")));
            }
            if (dashboard.Pseudonyms.FromStart)
            {
                app.Logger.LogWarning("No pseudonym key configured (MODSCOPE_PSEUDONYM_KEY_FILE): viewers' moderator pseudonyms change when the server restarts.");
            }
        }
        else
        {
            app.Logger.LogWarning("No users configured: a single-user dashboard that anyone who reaches the port can read; keep it on loopback, or list users (--users-file) to open it to a team.");
        }
        _ = Task.Run(() => WarmAsync(app, app.Lifetime.ApplicationStopping), CancellationToken.None);
        var info = app.Services.GetService<CommandForwarding>() is { } forwarding
            ? new ServerInfo(LoopbackUrl(app.Urls.First()), Environment.ProcessId, ServerInfoFile.ProcessStarted(), forwarding.Secret)
            : null;
        var store = app.Services.GetRequiredService<Dashboard>().Store.Path;
        if (info is not null)
        {
            ServerInfoFile.Write(store, info);
        }
        try
        {
            // Until Ctrl+C / SIGTERM (the host's lifetime) or the caller cancels; then the host stops.
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (info is not null)
            {
                ServerInfoFile.Remove(store, info);
            }
        }
    }

    /// <summary>A listening URL as a local client reaches it: a wildcard host (0.0.0.0, [::], +, *) becomes 127.0.0.1.</summary>
    private static string LoopbackUrl(string url)
    {
        var uri = new UriBuilder(url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
