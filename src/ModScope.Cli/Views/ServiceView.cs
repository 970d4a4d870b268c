using System.Globalization;
using ModScope.Service;
using ModScope.Service.Channels;
using ModScope.Web;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>
/// What <c>serve</c> prints as it starts: what it will do unattended (the landing folder, each schedule's next run,
/// the channels by name and kind, how many subscriptions), then the store, where it listens and who may use it. A
/// channel shows its host only: never a credential, a secret or a webhook URL's path (Slack's and Teams' carry a token).
/// </summary>
internal static class ServiceView
{
    public static void Render(IAnsiConsole console, ServiceConfig? config)
    {
        if (config is null)
        {
            console.MarkupLine(Markup.Escape($"Service: off (no {ServiceConfigLoader.FileName} beside the store, no --config): nothing is loaded or delivered unattended."));
            return;
        }
        console.MarkupLine($"Service configuration: [bold]{Markup.Escape(config.File)}[/]");
        if (config.Watch is { } watch)
        {
            var ready = watch.Readiness == FileReadiness.DoneMarker ? "when NAME.done is beside it"
                : $"once its size holds for {watch.StableFor.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
            var monitor = watch.MonitorAfterLoad ? $", then the monitor judges the last {watch.MonitorDays} day(s)" : "";
            console.MarkupLine(Markup.Escape($"  Watching {watch.Folder}: a file loads {ready}, moves to loaded/ or rejected/{monitor}."));
        }
        foreach (var job in config.Schedules)
        {
            var next = job.Next(DateTime.UtcNow) is { } at ? $"next {at:yyyy-MM-dd HH:mm} UTC" : "never again";
            console.MarkupLine(Markup.Escape($"  Schedule '{job.Name}': {job.Job} at '{job.Cron}' in {job.Zone.Id}, {next}."));
        }
        foreach (var channel in config.Channels)
        {
            console.MarkupLine(Markup.Escape($"  Channel '{channel.Name}': {Describe(channel)}."));
        }
        console.MarkupLine(Markup.Escape($"  Subscriptions: {config.Subscriptions.Count}; owners: {config.Owners.Count} (the delivery log: modscope deliveries)."));
    }

    /// <summary>The store, each URL, and the users or the single-user warning, once the server listens.</summary>
    public static void RenderStart(IAnsiConsole console, ServerStarted started)
    {
        console.MarkupLine($"Store: [bold]{Markup.Escape(started.Store)}[/]");
        foreach (var url in started.Urls)
        {
            console.MarkupLine($"Dashboard: [bold]{Markup.Escape(url)}[/]  (Ctrl+C to stop)");
        }
        console.MarkupLine(started.Users > 0
            ? Markup.Escape($"Users: {started.Users}, sign-in required for every page and call.")
            : "Users: none, a [bold]single-user[/] dashboard: anyone who reaches the port reads everything (--users-file opens it to a team).");
    }

    private static string Describe(Channel channel) => channel switch
    {
        { Smtp: { } smtp } => $"smtp via {smtp.Host}:{smtp.Port.ToString(CultureInfo.InvariantCulture)}, tls {smtp.Tls.ToString().ToLowerInvariant()}"
            + (smtp.UserVariable is null ? ", no sign-in" : ", signs in"),
        { Webhook: { } hook } => $"webhook to {hook.Url.Host}, {hook.Shape.ToString().ToLowerInvariant()} body, " + (hook.SecretVariable is null ? "unsigned" : "signed"),
        _ => channel.Kind.ToString().ToLowerInvariant(),
    };
}
