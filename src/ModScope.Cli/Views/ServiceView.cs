using System.Globalization;
using ModScope.Service;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>What <c>serve</c> will do unattended, printed as it starts: the landing folder and each schedule's next run.</summary>
internal static class ServiceView
{
    public static void Render(IAnsiConsole console, ServiceConfig config)
    {
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
    }
}
