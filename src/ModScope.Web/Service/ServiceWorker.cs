using ModScope.Service;
using ModScope.Service.Channels;
using ModScope.Service.Outbox;
using ModScope.Service.Subscriptions;
using ModScope.Web.Forwarding;

namespace ModScope.Web.Service;

/// <summary>
/// The server's unattended work from its <see cref="ServiceConfig"/>: every few seconds it loads the landing folder's
/// complete files (one <c>ingest</c> of them all, moved to <c>loaded/</c> or, with the error beside them, to
/// <c>rejected/</c>), then runs the monitor over the data's last days; it runs scheduled jobs when due; after each
/// monitor run and each schedule it writes the subscriptions' deliveries into the outbox (<see cref="DeliveryJobs"/>),
/// and it sends what the outbox holds (<see cref="OutboxSender"/>). Commands run as the CLI's would
/// (<see cref="ICommandRunner"/>) under the store's write gate, so their output is what the command prints, logged here.
/// </summary>
internal sealed class ServiceWorker(ServiceConfig config, CommandForwarding forwarding, Dashboard dashboard, ILogger<ServiceWorker> logger,
    TimeProvider clock) : BackgroundService
{
    /// <summary>Width of the logged command output.</summary>
    private const int Width = 120;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var landing = config.Watch is { } watch ? new LandingFolder(watch) : null;
        var due = config.Schedules.ToDictionary(s => s, s => s.Next(clock.GetUtcNow().UtcDateTime));
        var poll = landing is null ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(Math.Clamp(landing.Settings.StableFor.TotalSeconds / 2, 0.5, 5));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var jobs = new DeliveryJobs(config, dashboard, clock, logger);
        var sender = new OutboxSender(dashboard.Store, config, new ChannelSender(new SmtpSender(TimeSpan.FromSeconds(30)), new WebhookSender(http, clock)), clock);
        // A report whose schedule passed while the server was down is written now; its key (subscription × period) keeps one already sent from going twice.
        var catchUp = config.Subscriptions.Where(s => s is { Kind: SubscriptionKind.Report, AfterMonitor: false }).ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (catchUp.Count > 0)
                {
                    await jobs.EnqueueAsync(catchUp, stoppingToken).ConfigureAwait(false);
                    catchUp.Clear();
                }
                var now = clock.GetUtcNow().UtcDateTime;
                if (landing?.Ready(now) is { Count: > 0 } files)
                {
                    await LoadAsync(landing, files, jobs, stoppingToken).ConfigureAwait(false);
                }
                foreach (var (job, next) in due.Where(d => d.Value <= now).ToList())
                {
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Schedule '{Name}' ({Job}) is due ({Next:u}).", job.Name, job.Job, next);
                    }
                    if (job.Job == "monitor")
                    {
                        await MonitorAsync(["monitor"], jobs, stoppingToken).ConfigureAwait(false);
                    }
                    await jobs.EnqueueAsync(config.AllSubscriptions.Where(s => s.Schedule == job), stoppingToken).ConfigureAwait(false);
                    due[job] = job.Next(clock.GetUtcNow().UtcDateTime);
                }
                await sender.SendDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed round is logged; the service keeps watching.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "The service's round failed; it tries again.");
            }
            await Task.Delay(poll, clock, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Loads <paramref name="files"/> in one ingest, settles them, and monitors after a successful load.</summary>
    private async Task LoadAsync(LandingFolder landing, IReadOnlyList<string> files, DeliveryJobs jobs, CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Loading {Count} landed file(s): {Files}", files.Count, string.Join(", ", files.Select(Path.GetFileName)));
        }
        var loaded = await RunAsync(["ingest", .. files], cancellationToken).ConfigureAwait(false);
        foreach (var file in files)
        {
            landing.Settle(file, loaded.Exit == 0, loaded.Error.Length > 0 ? loaded.Error : loaded.Output);
        }
        if (loaded.Exit == 0 && landing.Settings.MonitorAfterLoad)
        {
            await MonitorAsync(["monitor", "--backfill", $"{landing.Settings.MonitorDays}d"], jobs, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the monitor; after a successful run, writes the deliveries of the subscriptions sent after each monitor run (owners' included).</summary>
    private async Task MonitorAsync(IReadOnlyList<string> arguments, DeliveryJobs jobs, CancellationToken cancellationToken)
    {
        if ((await RunAsync(arguments, cancellationToken).ConfigureAwait(false)).Exit == 0)
        {
            await jobs.EnqueueAsync(config.AllSubscriptions.Where(s => s.AfterMonitor), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CommandOutcome> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var outcome = await dashboard.Store.WriteAsync(token => forwarding.Runner.RunAsync(arguments, dashboard.Store.Path, Width, token), cancellationToken)
            .ConfigureAwait(false);
        var level = outcome.Exit == 0 ? LogLevel.Information : LogLevel.Error;
        if (logger.IsEnabled(level))
        {
            logger.Log(level, "modscope {Command} exited {Exit}:{NewLine}{Output}{Error}", arguments[0], outcome.Exit, Environment.NewLine, outcome.Output, outcome.Error);
        }
        return outcome;
    }
}
