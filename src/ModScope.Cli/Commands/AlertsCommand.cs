using System.CommandLine;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Findings;
using ModScope.Cli.Views;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>modscope alerts [--status new]</c> lists alerts ranked by impact; <c>alerts ack|resolve|snooze|label ID</c>
/// moves one through its lifecycle or records feedback; <c>alerts accuracy</c> reports precision from that feedback.
/// </summary>
internal static class AlertsCommand
{
    public static Command Create(CliContext context)
    {
        var status = new Option<string?>("--status") { Description = "Only alerts with this status: new, acknowledged, resolved, snoozed, suppressed." };
        var kind = new Option<string?>("--kind") { Description = "Only metric or data alerts." };
        var store = CommonOptions.Store();
        var language = CommonOptions.Language();
        var catalog = CatalogOption.Create();
        var engineOption = new EngineOption();
        var command = new Command("alerts", "List alerts ranked by impact, move them through their lifecycle, label them, and measure detector precision.")
        {
            status, kind, store, language, catalog,
        };
        engineOption.AddTo(command);
        command.SetAction((parsed, _) => CliApp.Guard(context, parsed, () =>
        {
            using var opened = CommonOptions.OpenExistingStore(parsed.GetValue(store)!);
            var alerts = new AlertStore(opened).List(Parse<AlertStatus>(parsed.GetValue(status), "--status"), Parse<AlertKind>(parsed.GetValue(kind), "--kind"))
                .OrderByDescending(a => a.Finding.Rank).ToList();
            // Names from the data's reference data: the store's, or the ClickHouse cluster's with --engine clickhouse.
            var engine = engineOption.EngineFor(parsed, opened);
            using var disposeEngine = (IDisposable)engine;
            AlertsView.RenderList(context.Out, alerts, new FindingRenderer(CatalogOption.Load(parsed.GetValue(catalog)), engine.Reference, parsed.GetValue(language)!),
                Owners(context, parsed.GetValue(store)!));
            return Task.FromResult(ExitCodes.Ok);
        }));
        command.Subcommands.Add(Lifecycle(context, "ack", "Acknowledge an alert: someone is on it.", AlertStatus.Acknowledged));
        command.Subcommands.Add(Lifecycle(context, "resolve", "Resolve an alert.", AlertStatus.Resolved));
        command.Subcommands.Add(Snooze(context));
        command.Subcommands.Add(Label(context));
        command.Subcommands.Add(Accuracy(context));
        return command;
    }

    /// <summary>Who owns an alert, from the <c>owners</c> of <c>modscope.yaml</c> beside the store (none without one; a bad file is a warning here, as serve refuses it).</summary>
    private static Func<AlertFinding, string?>? Owners(CliContext context, string store)
    {
        try
        {
            return ModScope.Service.ServiceConfigLoader.BesideStore(store) is { } path && ModScope.Service.ServiceConfigLoader.Load(path) is { Owners.Count: > 0 } config
                ? f => config.OwnerOf(f)?.Name
                : null;
        }
        catch (ModScope.Service.ServiceConfigException ex)
        {
            context.Error.WriteLine($"modscope: warning: owners not shown: {ex.Message}");
            return null;
        }
    }

    private static Command Lifecycle(CliContext context, string name, string description, AlertStatus target)
    {
        var id = new Argument<long>("id") { Description = "The alert's ID." };
        var store = CommonOptions.Store();
        var command = new Command(name, description) { id, store };
        command.SetAction((parsed, _) => CliApp.Guard(context, parsed, () =>
        {
            using var opened = CommonOptions.OpenStoreToWrite(parsed.GetValue(store)!);
            new AlertStore(opened).SetStatus(parsed.GetValue(id), target);
            context.Out.MarkupLine($"Alert {parsed.GetValue(id)} is now {AlertStore.Name(target)}.");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command Snooze(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "The alert's ID." };
        var until = new Option<DateOnly>("--until") { Description = "Snooze until this day (it reopens after it).", Required = true };
        var store = CommonOptions.Store();
        var command = new Command("snooze", "Snooze an alert until a day.") { id, until, store };
        command.SetAction((parsed, _) => CliApp.Guard(context, parsed, () =>
        {
            using var opened = CommonOptions.OpenStoreToWrite(parsed.GetValue(store)!);
            new AlertStore(opened).SetStatus(parsed.GetValue(id), AlertStatus.Snoozed, parsed.GetValue(until));
            context.Out.MarkupLine($"Alert {parsed.GetValue(id)} is snoozed until {parsed.GetValue(until):yyyy-MM-dd}.");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command Label(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "The alert's ID." };
        var label = new Argument<string>("label") { Description = "confirmed_incident, expected, false_alarm or new_normal (rebaselines the series from the alert's start)." };
        var store = CommonOptions.Store();
        var command = new Command("label", "Record what an alert turned out to be; the feedback behind 'alerts accuracy'.") { id, label, store };
        command.SetAction((parsed, _) => CliApp.Guard(context, parsed, () =>
        {
            var value = Parse<AlertLabel>(parsed.GetValue(label), "label")!.Value;
            using var opened = CommonOptions.OpenStoreToWrite(parsed.GetValue(store)!);
            new AlertStore(opened).Label(parsed.GetValue(id), value);
            var note = value == AlertLabel.NewNormal ? " The series is rebaselined from the alert's first day." : "";
            context.Out.MarkupLine($"Alert {parsed.GetValue(id)} labelled {AlertStore.Name(value)}.{note}");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command Accuracy(CliContext context)
    {
        var store = CommonOptions.Store();
        var command = new Command("accuracy", "Precision by metric and detector from analysts' labels.") { store };
        command.SetAction((parsed, _) => CliApp.Guard(context, parsed, () =>
        {
            using var opened = CommonOptions.OpenExistingStore(parsed.GetValue(store)!);
            var table = new Table().AddColumns("Subject", "Detector", "Alerts", "Labelled", "Confirmed", "New normal", "Expected", "False alarms", "Precision");
            foreach (var a in new AlertStore(opened).Accuracy())
            {
                table.AddRow(a.Subject, a.Detector, $"{a.Alerts}", $"{a.Labelled}", $"{a.Confirmed}", $"{a.NewNormal}", $"{a.Expected}", $"{a.FalseAlarms}",
                    a.Precision is { } p ? p.ToString("0%", System.Globalization.CultureInfo.InvariantCulture) : "n/a");
            }
            context.Out.Write(table);
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static T? Parse<T>(string? text, string option) where T : struct, Enum
    {
        try
        {
            return text is null ? null : AlertNames.Parse<T>(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{option}: {ex.Message}", ex);
        }
    }
}
