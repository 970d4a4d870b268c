using ModScope.Service;
using ModScope.Web.Forwarding;

namespace ModScope.Web.Service;

/// <summary>
/// The server's unattended work from its <see cref="ServiceConfig"/>: every few seconds it loads the landing folder's
/// complete files (one <c>ingest</c> of them all, moved to <c>loaded/</c> or, with the error beside them, to
/// <c>rejected/</c>), then runs the monitor over the data's last days; and it runs scheduled jobs when due. Each runs
/// as the CLI command would (<see cref="ICommandRunner"/>) under the store's write gate, so its output is what the
/// command prints, logged here.
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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (landing?.Ready(now) is { Count: > 0 } files)
                {
                    await LoadAsync(landing, files, stoppingToken).ConfigureAwait(false);
                }
                foreach (var (job, next) in due.Where(d => d.Value <= now).ToList())
                {
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Schedule '{Name}' ({Job}) is due ({Next:u}).", job.Name, job.Job, next);
                    }
                    await RunAsync([job.Job], stoppingToken).ConfigureAwait(false);
                    due[job] = job.Next(clock.GetUtcNow().UtcDateTime);
                }
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
    private async Task LoadAsync(LandingFolder landing, IReadOnlyList<string> files, CancellationToken cancellationToken)
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
            await RunAsync(["monitor", "--backfill", $"{landing.Settings.MonitorDays}d"], cancellationToken).ConfigureAwait(false);
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
