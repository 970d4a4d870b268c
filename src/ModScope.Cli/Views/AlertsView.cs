using System.Globalization;
using ModScope.Catalog;
using ModScope.Monitor.Explanation;
using ModScope.Monitor;
using ModScope.Monitor.Alerts;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>Alerts as tables, and one alert's explanation in words.</summary>
internal static class AlertsView
{
    public static void RenderRun(IAnsiConsole console, MonitorOutcome outcome, MetricCatalog catalog, string language, int top)
    {
        var s = outcome.Summary;
        var complete = s.Watermark is { } w ? Inv($"; decisions complete through {w:yyyy-MM-dd}") : "";
        console.MarkupLine(Inv($"[bold]Monitor run {outcome.RunId}[/] ({s.Status}): judged {outcome.WindowStart:yyyy-MM-dd}..{outcome.WindowEnd:yyyy-MM-dd}, {s.SeriesScanned:N0} series, {s.Opened} alert(s) opened, {s.Updated} updated{complete}."));
        var open = outcome.Alerts.Where(a => a.Status != AlertStatus.Suppressed).ToList();
        var suppressed = outcome.Alerts.Count - open.Count;
        if (suppressed > 0)
        {
            console.MarkupLine(Inv($"[grey]{suppressed} metric alert(s) suppressed: a data alert explains them, or a broader alert of the same anomaly holds them.[/]"));
        }
        RenderList(console, open.Take(top).ToList(), catalog, language);
        foreach (var alert in open.Where(a => a.Finding.Explanation is not null).Take(3))
        {
            RenderExplanation(console, alert, catalog, language);
        }
    }

    public static void RenderList(IAnsiConsole console, IReadOnlyList<Alert> alerts, MetricCatalog catalog, string language)
    {
        if (alerts.Count == 0)
        {
            console.MarkupLine("No alerts.");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("ID", "Status", "Severity", "What happened");
        foreach (var a in alerts)
        {
            var f = a.Finding;
            var metric = f.Kind == AlertKind.Metric && catalog.Metrics.FirstOrDefault(m => m.Id == f.Subject) is { } m ? m : null;
            var text = metric is not null && language != "en"
                ? Inv($"{metric.Name.In(language)} [{(f.Segment.Length == 0 ? "(all)" : f.Segment)}] {f.FirstDay:MM-dd}..{f.LastDay:MM-dd}: {Number(f.Value, metric)} / {Number(f.Expected, metric)}")
                : f.Message;
            table.AddRow(
                a.Id.ToString(CultureInfo.InvariantCulture),
                AlertStore.Name(a.Status) + (a.Restated ? " (restated)" : ""),
                f.Severity == AlertSeverity.Critical ? "[red]critical[/]" : "[yellow]warning[/]",
                Markup.Escape(text));
        }
        console.Write(table);
    }

    public static void RenderExplanation(IAnsiConsole console, Alert alert, MetricCatalog catalog, string language)
    {
        var f = alert.Finding;
        console.MarkupLine(Inv($"\n[bold]Alert {alert.Id}[/]: {Markup.Escape(f.Message)}"));
        if (f.Baseline is not null)
        {
            console.MarkupLine($"[grey]{Markup.Escape(f.Baseline)}[/]");
        }
        if (f.Kind == AlertKind.Data)
        {
            return;
        }
        if (AlertExplanation.FromJson(f.Explanation) is not { } e)
        {
            console.MarkupLine("[grey]No explanation stored; run 'modscope explain --alert ID' to compute one.[/]");
            return;
        }
        var metric = catalog.Metrics.FirstOrDefault(m => m.Id == e.Metric);
        console.MarkupLine(Inv($"{e.From:yyyy-MM-dd}..{e.To:yyyy-MM-dd} vs the same days of the previous {e.BaselineWeeks} weeks: {Markup.Escape(Number(e.Current, metric))} against {Markup.Escape(Number(e.Baseline, metric))}."));
        if (e.Causes.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns("Root cause", "Share of change", "Now", "Before");
            foreach (var c in e.Causes)
            {
                table.AddRow(Markup.Escape(c.ToString()), Inv($"{c.Share:0%}"), Markup.Escape(Number(c.CurrentValue, metric)), Markup.Escape(Number(c.BaselineValue, metric)));
            }
            console.Write(table);
        }
        if (e.Within.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns("Also alerting inside it", "Now", "Expected", "Score");
            foreach (var w in e.Within.Take(5))
            {
                table.AddRow(Markup.Escape(w.Segment), Markup.Escape(Number(w.Value, metric)), Markup.Escape(Number(w.Expected, metric)), Inv($"{w.Score:0.00}"));
            }
            console.Write(table);
        }
        if (e.MixRate is { } split)
        {
            var kind = Math.Abs(split.Mix) > Math.Abs(split.Rate) ? "mostly a mix shift (segment weights moved)" : "mostly a rate change within segments";
            console.MarkupLine(Inv($"By {split.Dimension}: change {Signed(split.Change)} = mix {Signed(split.Mix)} + rate {Signed(split.Rate)}, {kind}."));
        }
        _ = language;
    }

    /// <summary>A signed percentage; a value that rounds to zero prints +0.00% (.NET would print "-+0.00%" for a tiny negative).</summary>
    private static string Signed(double value) => ((Math.Round(value, 4) + 0.0) == 0.0 ? 0.0 : value).ToString("+0.00%;-0.00%", CultureInfo.InvariantCulture);

    private static string Number(double? value, MetricDefinition? metric) =>
        (metric is null ? null : ValueFormatter.Invariant.Value(metric, value, missing: "n/a")) ?? (value is { } v && double.IsFinite(v) ? v.ToString("#,0.##", CultureInfo.InvariantCulture) : "n/a");

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);
}
